# SPDX-License-Identifier: EUPL-1.2
"""`bistand remind_reapplications [--today YYYY-MM-DD]`: run daily by the scheduler."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from bistand.applications.reminders import reapplication_reminders_send


class Command(BaseCommand):
    help = (
        "Remind those who applied for last month, once, when this month's application window "
        "opens and they have not sent one. The notice says only that something new is waiting."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        sent = reapplication_reminders_send(today=today)
        self.stdout.write(f"{sent} reminders queued for {today.isoformat()}")
