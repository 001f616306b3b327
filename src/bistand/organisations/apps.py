from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "bistand.organisations"
    verbose_name = "Organisation"
