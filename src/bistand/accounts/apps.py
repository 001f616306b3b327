from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bistand.accounts"
    verbose_name = "Accounts"
