from django.core.management.base import BaseCommand
from django.utils import timezone

from bistand.demo.builder import demo_data_load


class Command(BaseCommand):
    help = "Load the fictional demo municipality (once)."

    def handle(self, *args: object, **options: object) -> None:
        if demo_data_load(today=timezone.localdate()):
            self.stdout.write("Demo data loaded.")
        else:
            self.stdout.write("Demo data already loaded.")
