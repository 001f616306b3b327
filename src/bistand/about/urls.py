from django.urls import path

from bistand.about import views

app_name = "about"
urlpatterns = [
    path("accessibility/", views.accessibility, name="accessibility"),
    path("accessibility/report/", views.accessibility_report, name="accessibility-report"),
    path("personal-data/", views.personal_data, name="personal-data"),
    path("contact/", views.contact, name="contact"),
]
