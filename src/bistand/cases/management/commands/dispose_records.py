# SPDX-License-Identifier: EUPL-1.2
"""`bistand dispose_records [--as-of YYYY-MM-DD] [--execute] --operator USERNAME`"""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from bistand.accounts.models import User
from bistand.cases.disposal import case_dispose, disposal_candidates


class Command(BaseCommand):
    help = (
        "List the case records due for disposal (five years after the last entry, done by the "
        "end of the following year) and, with --execute, dispose of them keeping a "
        "statistical extract."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=date.fromisoformat, default=None)
        parser.add_argument("--execute", action="store_true")
        parser.add_argument(
            "--operator",
            required=True,
            help="the username of the administrator who runs the disposal",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        operator = User.objects.filter(username=options["operator"]).first()
        if operator is None:
            raise CommandError(f"No user {options['operator']!r}.")
        as_of = options["as_of"] or timezone.localdate()
        candidates = disposal_candidates(as_of=as_of)
        disposed = kept = 0
        for candidate in candidates:
            note = f" KEPT: {candidate.kept_because}" if candidate.kept_because else ""
            self.stdout.write(
                f"{candidate.case.reference}\tlast entry {candidate.last_entry}\t"
                f"dispose by {candidate.due_by}{note}"
            )
            if options["execute"] and not candidate.kept_because:
                case_dispose(candidate=candidate, acted_by=operator)
                disposed += 1
            kept += bool(candidate.kept_because)
        verb = "disposed of" if options["execute"] else "due (dry run, nothing deleted)"
        self.stdout.write(f"{len(candidates)} cases due; {disposed} {verb}; {kept} kept.")
