from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "bistand.applications"
    verbose_name = "Applications"
