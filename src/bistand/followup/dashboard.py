# SPDX-License-Identifier: EUPL-1.2
"""The follow-up dashboard's tables: aggregates only, read from the summary tables, filtered by
period, committee, unit, gender, age band and country of birth, optionally broken down by one of
them. Counts from 1 to the threshold - 1 are suppressed, and so is every figure derived from one."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.conf import settings
from django.db.models import Count, F, IntegerField, Max, Q, QuerySet, Sum
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import Role, User
from bistand.applications.categories import SupportBarrier
from bistand.followup.dimensions import conventions
from bistand.followup.models import (
    AidBarrierSummary,
    AidMonthSummary,
    AidReturnSummary,
    AidYearSummary,
    BirthRegion,
    EducationFact,
    ReferralSummary,
)
from bistand.labour.models import NationalCategory
from bistand.organisations.models import Committee, Unit
from bistand.people.models import Gender
from bistand.rules.statistics import (
    MONTHS_PER_YEAR,
    month_of,
    share,
    suppressed,
)

Cell = str | int | Decimal | Fraction | None  # None: suppressed


class Breakdown:
    NONE = ""
    GENDER = "gender"
    BORN = "born"
    AGE_BAND = "age_band"
    UNIT = "unit"
    COMMITTEE = "committee"

    CHOICES = (
        (NONE, _("No breakdown")),
        (GENDER, _("Gender")),
        (BORN, _("Born in or outside Sweden")),
        (AGE_BAND, _("Age band")),
        (UNIT, _("Unit")),
        (COMMITTEE, _("Committee")),
    )
    FIELDS = {
        GENDER: "gender",
        BORN: "born",
        AGE_BAND: "age_band",
        UNIT: "unit_id",
        COMMITTEE: "committee_id",
    }


@dataclass(frozen=True)
class Filters:
    first: int  # month index
    last: int
    committee: int | None = None
    unit: int | None = None
    gender: str = ""
    age_band: str = ""
    born: str = ""
    breakdown: str = Breakdown.NONE

    @property
    def years(self) -> range:
        return range(self.first // MONTHS_PER_YEAR, self.last // MONTHS_PER_YEAR + 1)


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""
    labels: int = 1  # the first columns name the row; the rest are figures


def units_in_scope(user: User) -> QuerySet[Unit]:
    """A unit manager sees their own units; an analyst every unit."""
    units = Unit.objects.select_related("committee")
    if user.role == Role.UNIT_MANAGER:
        return units.filter(pk__in=user.units.all())
    return units


def threshold() -> int:
    limit: int = settings.BISTAND_SMALL_CELL_THRESHOLD
    return limit


def count_shown(value: int | None) -> int | None:
    return suppressed(value or 0, threshold())


def _wanted(filters: Filters, prefix: str = "") -> dict[str, Any]:
    """The filters on the breakdown dimensions, as lookups (through `prefix` to the fact)."""
    wanted = {
        "committee_id": filters.committee,
        "unit_id": filters.unit,
        "gender": filters.gender,
        "age_band": filters.age_band,
        "born": filters.born,
    }
    return {f"{prefix}{name}": value for name, value in wanted.items() if value}


def _filtered(model: type[Any], filters: Filters, scope: QuerySet[Unit]) -> QuerySet[Any]:
    rows: QuerySet[Any] = model.objects.all()
    if scope.query.has_filters():  # not every unit (an analyst's): keep to those in scope
        rows = rows.filter(unit_id__in=scope.values("pk"))
    return rows.filter(**_wanted(filters))


class Labels:
    """Readable labels for the breakdown values, read once per dashboard."""

    def __init__(self, scope: QuerySet[Unit]) -> None:
        units = list(scope)
        self.by_field: dict[str, dict[Any, str]] = {
            "gender": {value: str(label) for value, label in Gender.choices},
            "born": {value: str(label) for value, label in BirthRegion.choices},
            "unit_id": {unit.pk: str(unit) for unit in units},
            "committee_id": {unit.committee_id: unit.committee.name for unit in units},
            "support_barrier": {value: str(label) for value, label in SupportBarrier.choices},
        }

    def of(self, name: str, value: Any) -> str:
        if value in ("", None):
            return str(_("Not recorded"))
        return self.by_field.get(name, {}).get(value, str(value))


def _breakdown_field(filters: Filters) -> list[str]:
    name = Breakdown.FIELDS.get(filters.breakdown)
    return [name] if name else []


def _breakdown_column(filters: Filters) -> list[str]:
    labels = dict(Breakdown.CHOICES)
    return [str(labels[filters.breakdown])] if filters.breakdown else []


def month_label(index: int) -> str:
    return f"{month_of(index):%Y-%m}"


def aid_per_month(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    by = _breakdown_field(filters)
    rows = (
        _filtered(AidMonthSummary, filters, scope)
        .filter(month_index__gte=filters.first, month_index__lte=filters.last)
        .values("month_index", *by)
        .annotate(
            n_households=Sum("households"),
            n_adults=Sum("adults"),
            n_children=Sum("children"),
            total=Sum("amount"),
        )
        .order_by("month_index", *by)
    )
    table = Table(
        "aid_per_month",
        str(_("Households and persons with aid, and amounts granted, per month")),
        [
            str(_("Month")),
            *_breakdown_column(filters),
            str(_("Households")),
            str(_("Adults")),
            str(_("Children")),
            str(_("Persons")),
            str(_("Amount granted (kr)")),
        ],
        note=str(
            _(
                "Households are counted by their applicant: a breakdown by gender, age or country "
                "of birth places the household by the applicant's."
            )
        ),
        labels=1 + len(by),
    )
    for row in rows:
        households, adults, children = (
            count_shown(row["n_households"]),
            count_shown(row["n_adults"]),
            count_shown(row["n_children"]),
        )
        persons = None if adults is None or children is None else adults + children
        table.rows.append(
            [
                month_label(row["month_index"]),
                *[labels.of(name, row[name]) for name in by],
                households,
                adults,
                children,
                persons,
                row["total"] if households is not None else None,
            ]
        )
    return table


def duration_per_year(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    by = _breakdown_field(filters)
    rules = conventions(filters.last)
    cells: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    rows = (
        _filtered(AidYearSummary, filters, scope)
        .filter(year__in=list(filters.years))
        .values("year", *by, "duration_band")
        .annotate(n_adults=Sum("adults"), n_long=Sum("long_term"))
        .order_by("year", *by)
    )
    for row in rows:
        cell = cells[(row["year"], *[row[name] for name in by])]
        cell[row["duration_band"]] += row["n_adults"]
        cell["adults"] += row["n_adults"]
        cell["long_term"] += row["n_long"]
    table = Table(
        "duration_per_year",
        str(_("Adults by months with aid during the year, and long-term recipients")),
        [
            str(_("Year")),
            *_breakdown_column(filters),
            str(_("Adults")),
            *[str(_("%(band)s months") % {"band": band}) for band in rules.duration_bands],
            str(_("Long-term (%(months)s months or more)") % {"months": rules.long_term_months}),
            str(_("Share long-term")),
        ],
        note=str(
            _(
                "Each adult is counted once a year, in the unit and group of their last month "
                "with aid that year. The current year counts the months so far."
            )
        ),
        labels=1 + len(by),
    )
    for key, cell in cells.items():
        adults, long_term = count_shown(cell["adults"]), count_shown(cell["long_term"])
        table.rows.append(
            [
                str(key[0]),
                *[labels.of(name, value) for name, value in zip(by, key[1:], strict=True)],
                adults,
                *[count_shown(cell[band]) for band in rules.duration_bands],
                long_term,
                share(long_term, adults),
            ]
        )
    return table


def support_barriers(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    rows = (
        _filtered(AidBarrierSummary, filters, scope)
        .filter(year__in=list(filters.years))
        .values("year", "support_barrier")
        .annotate(n_adults=Sum("adults"), n_long=Sum("long_term"))
        .order_by("year", "support_barrier")
    )
    table = Table(
        "support_barriers",
        str(_("Adults with aid by support barrier (försörjningshinder)")),
        [str(_("Year")), str(_("Support barrier")), str(_("Adults")), str(_("Long-term"))],
        labels=2,
    )
    for row in rows:
        table.rows.append(
            [
                str(row["year"]),
                labels.of("support_barrier", row["support_barrier"]),
                count_shown(row["n_adults"]),
                count_shown(row["n_long"]),
            ]
        )
    return table


def data_end() -> int | None:
    """The last month the summaries hold."""
    end: int | None = AidMonthSummary.objects.aggregate(end=Max("month_index"))["end"]
    return end


def returns_to_aid(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    by = _breakdown_field(filters)
    windows = conventions(filters.last).return_windows_months
    end = data_end()
    table = Table(
        "returns_to_aid",
        str(_("Adults who left aid, and how many were back within 3 and 6 months")),
        [
            str(_("Year they left")),
            *_breakdown_column(filters),
            *[
                text
                for window in windows
                for text in (
                    str(_("Left, followed %(n)s months") % {"n": window}),
                    str(_("Back within %(n)s months") % {"n": window}),
                    str(_("Share back within %(n)s months") % {"n": window}),
                )
            ],
        ],
        note=str(
            _(
                "An adult has left when a month with aid is followed by a month without. Back "
                "within N months: aid again in one of the N months after that first month "
                "without. Exits are counted only once all N months have been recorded."
            )
        ),
        labels=1 + len(by),
    )
    if end is None:
        return table
    known = Q()
    for window in windows:
        known |= Q(window=window, exit_month_index__lte=end - window)
    rows = (
        _filtered(AidReturnSummary, filters, scope)
        .filter(known, exit_month_index__gte=filters.first, exit_month_index__lte=filters.last)
        .annotate(year=Cast(F("exit_month_index") / MONTHS_PER_YEAR, IntegerField()))
        .values("year", *by, "window")
        .annotate(n_left=Sum("left"), n_back=Sum("returned"))
        .order_by("year", *by)
    )
    cells: dict[tuple[Any, ...], dict[int, tuple[int, int]]] = defaultdict(dict)
    for row in rows:
        cells[(row["year"], *[row[name] for name in by])][row["window"]] = (
            row["n_left"],
            row["n_back"],
        )
    for key, by_window in cells.items():
        figures: list[Cell] = []
        for window in windows:
            left, back = (count_shown(n) for n in by_window.get(window, (0, 0)))
            figures += [left, back, share(back, left)]
        table.rows.append(
            [
                str(key[0]),
                *[labels.of(name, value) for name, value in zip(by, key[1:], strict=True)],
                *figures,
            ]
        )
    return table


PATH_CATEGORIES = (
    NationalCategory.WORK,
    NationalCategory.STUDIES,
    NationalCategory.STATE_PROGRAMME,
)


def _referrals_sent(filters: Filters, scope: QuerySet[Unit]) -> QuerySet[ReferralSummary]:
    return _filtered(ReferralSummary, filters, scope).filter(
        sent_month_index__gte=filters.first, sent_month_index__lte=filters.last
    )


def outcomes_by_path(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    """Seed 004's table: referrals sent in the period, per receiving unit, and how they closed."""
    extra = [name for name in _breakdown_field(filters) if name != "unit_id"]
    cells: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    for row in (
        _referrals_sent(filters, scope)
        .values("unit_id", *extra, "outcome")
        .annotate(n=Sum("referrals"))
        .order_by()
    ):
        cell = cells[(row["unit_id"], *[row[name] for name in extra])]
        cell["referred"] += row["n"]
        if row["outcome"]:
            cell[row["outcome"]] += row["n"]
            cell["closed"] += row["n"]
    table = Table(
        "outcomes_by_path",
        str(_("Referrals to labour-market units in the period, and how they closed")),
        [
            str(_("Receiving unit")),
            *(_breakdown_column(filters) if extra else []),
            str(_("Referred")),
            *[str(label) for value, label in NationalCategory.choices if value in PATH_CATEGORIES],
            str(_("Closed otherwise")),
            str(_("Not closed")),
        ],
        labels=1 + len(extra),
    )

    def order(key: tuple[Any, ...]) -> list[str]:
        names = ("unit_id", *extra)
        return [labels.of(name, value) for name, value in zip(names, key, strict=True)]

    for key, cell in sorted(cells.items(), key=lambda item: order(item[0])):
        other = cell["closed"] - sum(cell[c] for c in PATH_CATEGORIES)
        table.rows.append(
            [
                labels.of("unit_id", key[0]),
                *[labels.of(name, value) for name, value in zip(extra, key[1:], strict=True)],
                count_shown(cell["referred"]),
                *[count_shown(cell[c]) for c in PATH_CATEGORIES],
                count_shown(other),
                count_shown(cell["referred"] - cell["closed"]),
            ]
        )
    return table


def time_targets(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    """Per receiving unit, of the referrals sent in the period: those whose clock has ended, and
    how many met the time target (coach meeting, first activity), where the municipality has
    adopted one."""
    table = Table(
        "time_targets",
        str(_("Time targets in the labour-market pathway, per receiving unit")),
        [
            str(_("Receiving unit")),
            str(_("Coach meetings due")),
            str(_("On time")),
            str(_("Share on time")),
            str(_("First activities due")),
            str(_("On time")),
            str(_("Share on time")),
        ],
        note=str(
            _(
                "Referrals sent in the period, where the municipality has adopted the time "
                "targets, as the clocks stood at the last refresh."
            )
        ),
    )
    found = (
        _referrals_sent(filters, scope)
        .values("unit_id")
        .annotate(
            meetings=Sum("meetings_due"),
            met=Sum("meetings_on_time"),
            activities=Sum("activities_due"),
            started=Sum("activities_on_time"),
        )
        .order_by()
    )
    for row in sorted(found, key=lambda row: labels.of("unit_id", row["unit_id"])):
        if not (row["meetings"] or row["activities"]):
            continue
        meetings, met = count_shown(row["meetings"]), count_shown(row["met"])
        activities, started = count_shown(row["activities"]), count_shown(row["started"])
        table.rows.append(
            [
                labels.of("unit_id", row["unit_id"]),
                meetings,
                met,
                share(met, meetings),
                activities,
                started,
                share(started, activities),
            ]
        )
    return table


def education_providers(filters: Filters, scope: QuerySet[Unit], labels: Labels) -> Table:
    """Per education provider used in plans (activities starting in the period): the people who
    took part, how their referral closed, and whether they were off aid the months after."""
    after = month_of(filters.last + 1)
    closed = ~Q(outcome="")
    counted: dict[str, Count] = {
        "people": Count("pk"),
        "open": Count("pk", filter=~closed),
        "other": Count("pk", filter=closed & ~Q(outcome__in=PATH_CATEGORIES)),
        "followed": Count("pk", filter=closed & Q(followed=True)),
        "off_aid": Count("pk", filter=closed & Q(off_aid=True)),
        **{c: Count("pk", filter=Q(outcome=c)) for c in PATH_CATEGORIES},
    }
    cells = {
        row["provider__name"]: row
        for row in _filtered(EducationFact, filters, scope)
        .filter(starts_on__gte=month_of(filters.first), starts_on__lt=after)
        # the person's last activity at the provider in the period: the next starts after it
        .filter(Q(next_starts_on__isnull=True) | Q(next_starts_on__gte=after))
        .values("provider__name")
        .annotate(**counted)
        .order_by()
    }
    window = max(conventions(filters.last).return_windows_months)
    table = Table(
        "education_providers",
        str(_("Education providers used in plans: what came after")),
        [
            str(_("Provider")),
            str(_("People")),
            *[str(label) for value, label in NationalCategory.choices if value in PATH_CATEGORIES],
            str(_("Closed otherwise")),
            str(_("Not closed")),
            str(_("Followed %(n)s months after closure") % {"n": window}),
            str(_("Off aid all %(n)s months") % {"n": window}),
        ],
        note=str(
            _(
                "People with an activity at the provider that started in the period; a person "
                "counts once per provider, by their last activity there in the period, and the "
                "filters apply to that activity's referral. Off aid: no month with aid in the "
                "months followed after the closing month."
            )
        ),
    )
    for name in sorted(cells):
        cell = cells[name]
        table.rows.append(
            [
                name,
                count_shown(cell["people"]),
                *[count_shown(cell[c]) for c in PATH_CATEGORIES],
                count_shown(cell["other"]),
                count_shown(cell["open"]),
                count_shown(cell["followed"]),
                count_shown(cell["off_aid"]),
            ]
        )
    return table


TableBuilder = Callable[[Filters, QuerySet[Unit], Labels], Table]
TABLES: tuple[TableBuilder, ...] = (
    aid_per_month,
    duration_per_year,
    support_barriers,
    returns_to_aid,
    outcomes_by_path,
    time_targets,
    education_providers,
)


def committees_in_scope(scope: Iterable[Unit]) -> list[Committee]:
    return sorted({unit.committee for unit in scope}, key=lambda committee: committee.name)
