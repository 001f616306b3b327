from django.core.management.base import BaseCommand
from django.utils import timezone

from bistand.demo.builder import demo_data_load, demo_data_loaded_on


class Command(BaseCommand):
    help = "Load the fictional demo municipality (once)."

    def handle(self, *args: object, **options: object) -> None:
        if demo_data_load(today=timezone.localdate()):
            self.stdout.write("Demo data loaded.")
            return
        # Its applications and decisions are for the month it was made in, and a demo made by an
        # earlier version lacks what came later: say how to get a new one.
        self.stdout.write(
            f"Demo data already loaded, made on {demo_data_loaded_on()}. "
            "`make demo-reset` makes a new demo today and keeps this one under var/earlier-*."
        )
