from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "bistand.appeals"
    verbose_name = "Appeals"
