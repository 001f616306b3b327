from django.apps import AppConfig


class InvestigationsConfig(AppConfig):
    name = "bistand.investigations"
    verbose_name = "Investigation"
