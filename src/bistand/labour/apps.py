from django.apps import AppConfig


class LabourConfig(AppConfig):
    name = "bistand.labour"
    verbose_name = "Labour-market pathway"
