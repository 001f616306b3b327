from django.urls import path

from bistand.followup import views

app_name = "followup"
urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("export/", views.export, name="export"),
    path("national/", views.national_check, name="national"),
]
