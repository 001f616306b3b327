from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "bistand.payments"
    verbose_name = "Payments"
