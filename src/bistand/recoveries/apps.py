from django.apps import AppConfig


class RecoveriesConfig(AppConfig):
    name = "bistand.recoveries"
    verbose_name = "Repayment and recovery"
