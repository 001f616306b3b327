# SPDX-License-Identifier: EUPL-1.2
"""Summary tables the dashboards read. Built from decisions by `refresh`, never edited by hand.

`AidMonthFact` holds one adult with aid in one month under pseudonymous keys (no name, no identity
number); the summaries group it by the dashboards' dimensions, so a dashboard reads a few
thousand rows whatever the size of the history (ADR 0007)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bistand.labour.models import ActivityKind


class BirthRegion(models.TextChoices):
    SWEDEN = "sweden", _("Born in Sweden")
    ABROAD = "abroad", _("Born outside Sweden")
    UNKNOWN = "unknown", _("Country of birth not recorded")


class Dimensions(models.Model):
    """The breakdowns every summary row carries."""

    committee = models.ForeignKey(
        "organisations.Committee", on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+")
    gender = models.CharField(max_length=5)
    age_band = models.CharField(max_length=8)
    born = models.CharField(max_length=8, choices=BirthRegion.choices)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{type(self).__name__} {self.pk}"


class AidMonthFact(Dimensions):
    """One adult in a household granted aid for the month. The household's figures (children,
    amount) sit on the applicant's row (`head`)."""

    month_index = models.PositiveIntegerField()
    support_barrier = models.CharField(max_length=40, blank=True)
    person_key = models.UUIDField()
    household_key = models.UUIDField()
    head = models.BooleanField()
    children = models.PositiveSmallIntegerField(default=0)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month_index", "person_key"], name="fact_once_a_month")
        ]
        indexes = [models.Index(fields=["person_key", "month_index"], name="fact_person_month")]


class AidMonthSummary(Dimensions):
    """Per month and breakdown: households, adults, children and the amount granted."""

    month_index = models.PositiveIntegerField(db_index=True)
    households = models.PositiveIntegerField()
    adults = models.PositiveIntegerField()
    children = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=16, decimal_places=2)


class AidReturnSummary(Dimensions):
    """Adults whose aid ended: `exit_month_index` is their first month without aid (breakdown from
    their last month with aid); `returned`: how many had aid again within `window` months after."""

    exit_month_index = models.PositiveIntegerField(db_index=True)
    window = models.PositiveSmallIntegerField()
    left = models.PositiveIntegerField()
    returned = models.PositiveIntegerField()


class AidYearSummary(Dimensions):
    """Per calendar year and breakdown (the adult's last month with aid that year): adults by the
    number of months with aid, and how many were long-term recipients."""

    year = models.PositiveSmallIntegerField(db_index=True)
    duration_band = models.CharField(max_length=8)
    adults = models.PositiveIntegerField()
    long_term = models.PositiveIntegerField()


class AidBarrierSummary(Dimensions):
    """Per calendar year, breakdown and support barrier (both of the adult's last month with aid
    that year): adults, and how many were long-term recipients. Apart from `AidYearSummary` so
    that each table reads a summary grouped only by what it shows (a tenth and a third of the
    rows of one grouped by both)."""

    year = models.PositiveSmallIntegerField(db_index=True)
    support_barrier = models.CharField(max_length=40, blank=True)
    adults = models.PositiveIntegerField()
    long_term = models.PositiveIntegerField()


class ReferralFact(Dimensions):
    """One referral to a labour-market unit as the follow-up counts it: the receiving unit and its
    committee, the person's breakdown in the month it was sent, how it closed, whether the coach's
    time targets were met (only where due and the clock has ended), and whether the person stayed
    off aid the months followed after the closure. Rebuilt by `refresh`, never edited."""

    referral = models.OneToOneField(
        "labour.Referral", on_delete=models.CASCADE, related_name="fact"
    )
    from_unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="+"
    )  # the sending unit (the case's); `unit` is the receiving one
    sent_month_index = models.PositiveIntegerField(db_index=True)
    closed_month_index = models.PositiveIntegerField(null=True, db_index=True)
    outcome = models.CharField(max_length=20, blank=True)  # national category; "" not closed
    meeting_due = models.BooleanField(default=False)
    meeting_on_time = models.BooleanField(default=False)
    activity_due = models.BooleanField(default=False)
    activity_on_time = models.BooleanField(default=False)
    followed = models.BooleanField(default=False)
    off_aid = models.BooleanField(default=False)


class ReferralSummary(Dimensions):
    """Referral facts grouped by the month sent, the breakdown (receiving unit, the person in the
    month sent) and the outcome: a third of the rows the referral tables would read otherwise.
    Rebuilt with the referral facts, never edited."""

    sent_month_index = models.PositiveIntegerField(db_index=True)
    outcome = models.CharField(max_length=20, blank=True)
    referrals = models.PositiveIntegerField()
    meetings_due = models.PositiveIntegerField()
    meetings_on_time = models.PositiveIntegerField()
    activities_due = models.PositiveIntegerField()
    activities_on_time = models.PositiveIntegerField()


class EducationFact(Dimensions):
    """One activity at an adult-education provider, with its referral's breakdown (the receiving
    unit, the person in the month the referral was sent) and outcome as in `ReferralFact`, and the
    day the same person's next activity at the same provider starts (None: no later one). The
    education-provider table counts a person once per provider, by the activity there that started
    last in the period: the one whose next starts after the period. Rebuilt with the referral
    facts, never edited."""

    activity = models.OneToOneField("labour.Activity", on_delete=models.CASCADE, related_name="+")
    provider = models.ForeignKey("labour.Provider", on_delete=models.CASCADE, related_name="+")
    person_key = models.UUIDField(db_index=True)
    starts_on = models.DateField(db_index=True)
    next_starts_on = models.DateField(null=True)
    outcome = models.CharField(max_length=20, blank=True)  # national category; "" not closed
    followed = models.BooleanField(default=False)
    off_aid = models.BooleanField(default=False)


class ParticipationSummary(models.Model):
    """Per calendar year, committee and activity kind, at one provider or (`provider` None) at
    any: the people with such an activity running some day of the year in a plan of a referral to
    the committee's units (to one of them, `unit`; to any, `unit` None), and how many of them left
    for work or studies that year (their referral closed so). The costs table reads it for
    committees wholly in view, or with one unit in view. Rebuilt by `refresh`, never edited."""

    year = models.PositiveSmallIntegerField(db_index=True)
    committee = models.ForeignKey(
        "organisations.Committee", on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.CASCADE, null=True, related_name="+"
    )
    activity_kind = models.CharField(max_length=30, choices=ActivityKind.choices)
    provider = models.ForeignKey(
        "labour.Provider", on_delete=models.CASCADE, null=True, related_name="+"
    )
    people = models.PositiveIntegerField()
    left = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.year} {self.activity_kind}: {self.people}"


class Gap(models.TextChoices):
    """What the month's report to Socialstyrelsen lacks (see `national`)."""

    NO_SUPPORT_BARRIER = "no_support_barrier", _("No support barrier recorded for this adult")
    UNCODED_SUPPORT_BARRIER = (
        "uncoded_support_barrier",
        _("The support barrier has no national code"),
    )
    NO_GENDER = "no_gender", _("Gender not recorded: household type unknown")
    IDENTITY_NUMBER = "identity_number", _("The identity number is not valid")
    NOT_PAID = "not_paid", _("Granted but not yet sent to the bank")
    NO_CLOSURE_REASON = "no_closure_reason", _("Closed without a closure reason")


class NationalCheck(models.Model):
    """The check of a municipality's report to Socialstyrelsen for a month as the records stood
    at the nightly refresh, so that the check page reads what it lacks instead of building the
    whole report. Stored by `refresh` for the months still to be reported, never edited."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField()
    households = models.PositiveIntegerField()
    checked_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "month"], name="national_check_once")
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.month:%Y-%m}"


class NationalGap(models.Model):
    """One thing a stored check found missing, for a case (and an adult of it)."""

    national_check = models.ForeignKey(NationalCheck, on_delete=models.CASCADE, related_name="gaps")
    gap = models.CharField(max_length=30, choices=Gap.choices)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    case_reference = models.CharField(max_length=30)
    unit = models.ForeignKey("organisations.Unit", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, null=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]  # the order the check found them: by case, then gap

    def __str__(self) -> str:
        return f"{self.case_reference}: {self.gap}"


class OpenCases(models.Model):
    """Per unit, as counted at the nightly refresh: the open cases and the persons in them (at
    national size counting them live took 4 s)."""

    unit = models.OneToOneField("organisations.Unit", on_delete=models.CASCADE, related_name="+")
    open_cases = models.PositiveIntegerField()
    persons = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.open_cases}"


class Refresh(models.Model):
    """When the summaries were last rebuilt, and for which months."""

    refreshed_at = models.DateTimeField(auto_now_add=True)
    first_month_index = models.PositiveIntegerField()
    last_month_index = models.PositiveIntegerField()
    facts = models.PositiveIntegerField()
    seconds = models.FloatField()

    class Meta:
        ordering = ["-refreshed_at"]
        get_latest_by = "refreshed_at"

    def __str__(self) -> str:
        return f"{self.refreshed_at:%Y-%m-%d %H:%M}: {self.facts} facts"


class GoalMeasure(models.TextChoices):
    HOUSEHOLDS_PER_MONTH = "households_per_month", _("Households with aid, average per month")
    LONG_TERM_ADULTS = "long_term_adults", _("Long-term recipients in the last year of the period")
    SHARE_BACK_WITHIN_6 = "share_back_within_6", _("Share back on aid within 6 months (%)")
    SHARE_CLOSED_TO_WORK_OR_STUDIES = (
        "share_closed_to_work_or_studies",
        _("Share of closed referrals that closed to work or studies (%)"),
    )


class GoalDirection(models.TextChoices):
    AT_MOST = "at_most", _("At most")
    AT_LEAST = "at_least", _("At least")


class Goal(models.Model):
    """A committee's measurable goal: a measure, a target and a period (as decided, with where)."""

    committee = models.ForeignKey(
        "organisations.Committee",
        on_delete=models.PROTECT,
        related_name="goals",
        verbose_name=_("committee"),
    )
    name = models.CharField(_("goal"), max_length=200)
    measure = models.CharField(_("measure"), max_length=40, choices=GoalMeasure.choices)
    direction = models.CharField(_("direction"), max_length=10, choices=GoalDirection.choices)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=1)
    first_month = models.DateField(_("from month"))
    last_month = models.DateField(_("to month"))
    decided_in = models.CharField(
        _("decided in"), max_length=200, help_text=_("For example the committee's plan for 2025.")
    )

    class Meta:
        ordering = ["committee__name", "first_month", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(first_month__lte=models.F("last_month")),
                name="goal_period_in_order",
            )
        ]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.name


class CostBasis(models.TextChoices):
    PARTICIPANT = "participant", _("Per participant")
    PERIOD = "period", _("For the period")


class Measure(models.Model):
    """A labour-market measure the committee funds: the activities of one kind (at one provider,
    when named) in plans of referrals to the committee's units. Entered in the admin."""

    committee = models.ForeignKey(
        "organisations.Committee",
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("committee"),
    )
    name = models.CharField(_("measure"), max_length=200)
    activity_kind = models.CharField(_("activity"), max_length=30, choices=ActivityKind.choices)
    provider = models.ForeignKey(
        "labour.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("provider"),
        help_text=_("Leave empty when the measure covers every provider of the activity."),
    )

    class Meta:
        ordering = ["committee__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "name"], name="measure_unique_name")
        ]
        verbose_name = _("labour-market measure")
        verbose_name_plural = _("labour-market measures")

    def __str__(self) -> str:
        return self.name


class MeasureBudget(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("budget (kr)"), max_digits=12, decimal_places=2)
    decided_in = models.CharField(
        _("decided in"), max_length=200, help_text=_("For example the committee's budget for 2026.")
    )

    class Meta:
        ordering = ["measure", "year"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "year"], name="measure_budget_once_a_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="measure_budget_sign"),
        ]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")

    def __str__(self) -> str:
        return f"{self.measure} {self.year}"


class MeasureCost(models.Model):
    """A cost recorded for a measure in a month: an invoice per participant (the number of
    participants it covers) or a sum for the period."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="costs")
    month = models.DateField(_("month"), help_text=_("The first day of the month the cost is for."))
    basis = models.CharField(_("basis"), max_length=12, choices=CostBasis.choices)
    participants = models.PositiveIntegerField(
        _("participants"), null=True, blank=True, help_text=_("For a cost per participant.")
    )
    amount = models.DecimalField(_("amount (kr)"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "month"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="measure_cost_positive"),
            models.CheckConstraint(
                condition=models.Q(basis="period", participants__isnull=True)
                | models.Q(basis="participant", participants__gte=1),
                name="measure_cost_participants_per_basis",
            ),
        ]
        verbose_name = _("cost")
        verbose_name_plural = _("costs")

    def __str__(self) -> str:
        return f"{self.measure} {self.month:%Y-%m} {self.amount}"
