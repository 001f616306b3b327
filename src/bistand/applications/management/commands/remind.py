# SPDX-License-Identifier: EUPL-1.2
"""`bistand remind [--today YYYY-MM-DD]`: the daily reminders, run by the scheduler."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from bistand.applications.reminders import (
    completion_reminders_send,
    draft_reminders_send,
    reapplication_reminders_send,
)


class Command(BaseCommand):
    help = (
        "Queue today's reminders, each once: to apply, when a month's window opens for those who "
        "applied for the month before; to complete, when a completion is due within the "
        "municipality's reminder days and nothing was sent; to send or throw away an unsent draft, "
        "before it is deleted. A notice says only that something "
        "new is waiting. Run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        to_apply = reapplication_reminders_send(today=today)
        to_complete = completion_reminders_send(today=today)
        to_send = draft_reminders_send(today=today)
        self.stdout.write(f"{to_apply} reminders to apply queued for {today.isoformat()}")
        self.stdout.write(f"{to_complete} reminders to complete queued for {today.isoformat()}")
        self.stdout.write(f"{to_send} reminders of unsent drafts queued for {today.isoformat()}")
