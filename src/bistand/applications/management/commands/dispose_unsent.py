# SPDX-License-Identifier: EUPL-1.2
"""`bistand dispose_unsent [--today YYYY-MM-DD]`: delete what never reached the authority."""

from datetime import date, datetime, time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from bistand.applications.disposal import unsent_dispose


class Command(BaseCommand):
    help = (
        "Delete, with a row in the access log for each: unsent drafts, with their documents, "
        "once the municipality's days to keep them have passed since they were last changed; "
        "and uploaded files no record names that are over a day old (left by a failed "
        "request). Sent applications are never touched. Run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        now = (
            timezone.make_aware(datetime.combine(today, time(12)))
            if options["today"]
            else timezone.now()
        )
        done = unsent_dispose(today=today, now=now)
        self.stdout.write(f"{done.drafts} unsent drafts deleted for {today.isoformat()}")
        self.stdout.write(f"{done.files} files without a record removed")
