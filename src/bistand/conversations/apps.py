from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "bistand.conversations"
    verbose_name = "Secure messages"
