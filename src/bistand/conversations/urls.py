from django.urls import path

from bistand.conversations import views

app_name = "conversations"
urlpatterns = [
    path("my/messages/", views.my_messages, name="mine"),
    path("cases/<uuid:case_id>/messages/", views.case_messages, name="case"),
]
