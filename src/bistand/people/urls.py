from django.urls import path

from bistand.people import views

app_name = "people"
urlpatterns = [
    path("<uuid:person_id>/", views.person_detail, name="detail"),
    path("<uuid:person_id>/grants/", views.person_grant, name="grant"),
]
