from django.apps import AppConfig


class CalculationsConfig(AppConfig):
    name = "bistand.calculations"
    verbose_name = "Calculations"
