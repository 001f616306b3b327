from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "bistand.people"
    verbose_name = "People"
