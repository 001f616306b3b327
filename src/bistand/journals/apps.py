from django.apps import AppConfig


class JournalsConfig(AppConfig):
    name = "bistand.journals"
    verbose_name = "Journal"
