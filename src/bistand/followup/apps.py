from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "bistand.followup"
    verbose_name = "Follow-up"
