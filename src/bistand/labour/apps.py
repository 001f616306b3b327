from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LabourConfig(AppConfig):
    name = "bistand.labour"
    verbose_name = "Labour-market pathway"

    def ready(self) -> None:
        from bistand.labour.closure_reasons import closure_reasons_ensure

        post_migrate.connect(closure_reasons_ensure, sender=self)
