# SPDX-License-Identifier: EUPL-1.2
"""Rebuild the follow-up summaries from the decisions (nightly, from cron or a systemd timer)."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from bistand.followup.refresh import refresh, refresh_all
from bistand.rules.statistics import month_index


def _month(text: str) -> int:
    try:
        year, month = (int(part) for part in text.split("-"))
        return month_index(date(year, month, 1))
    except ValueError as error:
        raise CommandError(f"{text!r}: give a month as YYYY-MM") from error


class Command(BaseCommand):
    help = "Rebuild the follow-up summaries: the last 13 months by default, or --all."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="every month with a decision")
        parser.add_argument("--from", dest="first", help="first month, YYYY-MM")
        parser.add_argument("--to", dest="last", help="last month, YYYY-MM")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"]:
            result = refresh_all()
            if result is None:
                self.stdout.write("No decisions yet.")
                return
        else:
            now = month_index(timezone.localdate())
            first = _month(options["first"]) if options["first"] else now - 12
            last = _month(options["last"]) if options["last"] else now
            if first > last:
                raise CommandError("--from must not come after --to")
            result = refresh(first, last)
        self.stdout.write(
            f"Refreshed {result.last - result.first + 1} months: {result.facts} facts "
            f"in {result.seconds:.2f} s"
        )
