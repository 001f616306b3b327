# SPDX-License-Identifier: EUPL-1.2
"""`bistand national_statistics --month YYYY-MM --operator USERNAME [--municipality CODE]
[--out PATH]`: write the month's report to Socialstyrelsen and print its check."""

from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from bistand.accounts.models import Role, User
from bistand.audit.models import AccessAction
from bistand.audit.services import access_log_record
from bistand.followup.national import national_report
from bistand.organisations.models import Municipality


def _month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError as error:
        raise CommandError(f"{text!r}: give a month as YYYY-MM") from error


class Command(BaseCommand):
    help = (
        "Write the monthly individual-level report on ekonomiskt bistånd to Socialstyrelsen "
        "(HSLF-FS 2015:30) for a month, and list what is missing. The file holds identity "
        "numbers: it is written readable by its owner only, and the run is logged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--month", required=True, help="the month the aid is for, YYYY-MM")
        parser.add_argument(
            "--operator", required=True, help="the username of the administrator who runs it"
        )
        parser.add_argument("--municipality", help="municipality code (default: the only one)")
        parser.add_argument("--out", help="file to write (default: var/national-statistics/)")

    def handle(self, *args: Any, **options: Any) -> None:
        operator = User.objects.filter(username=options["operator"]).first()
        if operator is None or operator.role != Role.ADMINISTRATOR:
            raise CommandError(f"{options['operator']!r} is not an administrator.")
        municipality = self._municipality(options["municipality"])
        month = _month(options["month"])
        report = national_report(month, municipality=municipality)
        out = Path(
            options["out"]
            or settings.VAR_DIR / "national-statistics" / f"{municipality.code}-{month:%Y%m}.csv"
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        out.touch(mode=0o600, exist_ok=True)
        out.chmod(0o600)
        out.write_bytes(report.csv_bytes())
        access_log_record(
            user=operator,
            action=AccessAction.READ,
            object_type="national_statistics",
            object_id=f"{municipality.code}-{month:%Y%m}",
            inside_unit=True,
            granted=True,
            path="bistand national_statistics",
            changes={"rows": len(report.rows), "missing": len(report.missing)},
        )
        self.stdout.write(
            f"{municipality.code} {month:%Y-%m}: {report.households} households, "
            f"{len(report.rows)} rows -> {out} (due {report.deadline:%Y-%m-%d})"
        )
        with translation.override(settings.LANGUAGE_CODE):
            for gap, count in sorted(report.gaps().items()):
                self.stdout.write(f"MISSING {count} x {gap.label}")
            for item in report.missing:
                who = f" person {item.person_id}" if item.person_id else ""
                self.stdout.write(f"  {item.case_reference}{who}: {item.gap.label}")
        if report.missing:
            self.stdout.write(
                f"{len(report.missing)} items to put right before {report.deadline:%Y-%m-%d}; "
                "run again when they are."
            )
        else:
            self.stdout.write("Nothing missing.")

    def _municipality(self, code: str | None) -> Municipality:
        found = Municipality.objects.filter(code=code) if code else Municipality.objects.all()
        if found.count() != 1:
            raise CommandError("Name the municipality with --municipality CODE.")
        return found.get()
