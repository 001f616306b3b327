from django.urls import path

from bistand.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.log_index, name="index"),
    path("people/<uuid:person_id>/", views.log_for_person, name="person"),
    path("staff/<uuid:user_id>/", views.log_for_staff, name="staff"),
]
