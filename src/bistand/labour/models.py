# SPDX-License-Identifier: EUPL-1.2
"""The labour-market pathway: work capacity, referral, action plan, activities, attendance,
outcomes — and the special individual support decided by the labour-market committee.

A coach sees only the people referred to their unit; the referral is what grants that view.
"""

import uuid

from django.db import models
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bistand.labour.closure_reasons import closure_reason_label
from bistand.rules.labour import ReferralPath, TargetGroup, WorkCapacityLevel


class WorkCapacity(models.TextChoices):
    FULL = WorkCapacityLevel.FULL, _("Full work capacity")
    PARTLY_REDUCED = WorkCapacityLevel.PARTLY_REDUCED, _("Partly reduced work capacity")
    # xgettext:no-python-format
    UNDER_25 = WorkCapacityLevel.UNDER_25, _("Under 25 % or long-term inability to work")
    NONE = WorkCapacityLevel.NONE, _("No work capacity")


class AssessmentBasis(models.TextChoices):
    MEDICAL_CERTIFICATE = "medical_certificate", _("Medical certificate")
    COACH = "coach", _("The coach's assessment")
    CASEWORKER = "caseworker", _("The caseworker's assessment")
    FORSAKRINGSKASSAN = "forsakringskassan", _("Decision by Försäkringskassan")


class WorkCapacityAssessment(models.Model):
    """One assessment of one adult's work capacity. The newest one is the one that holds."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="work_capacity_assessments"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("work capacity"), max_length=20, choices=WorkCapacity.choices)
    percentage = models.PositiveSmallIntegerField(
        _("work capacity (per cent of full time)"), null=True, blank=True
    )
    basis = models.CharField(_("basis"), max_length=30, choices=AssessmentBasis.choices)
    assessed_on = models.DateField(_("assessed on"))
    persons_view = models.TextField(_("the person's own view"), blank=True, max_length=3000)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level="partly_reduced", percentage__gt=0, percentage__lt=100)
                | (~models.Q(level="partly_reduced") & models.Q(percentage__isnull=True)),
                name="work_capacity_percentage_only_when_partly_reduced",
            )
        ]
        verbose_name = _("work-capacity assessment")
        verbose_name_plural = _("work-capacity assessments")

    def __str__(self) -> str:
        return f"{self.person_id} {self.level} {self.assessed_on}"


class Path(models.TextChoices):
    JOBBTORG = ReferralPath.JOBBTORG, _("Jobbtorg")
    JOBBTORG_RESURS = ReferralPath.JOBBTORG_RESURS, _("Jobbtorg Resurs")
    OWN_WORK_TRAINING = ReferralPath.OWN_WORK_TRAINING, _("The district's own work training")
    NONE = ReferralPath.NONE, _("No referral")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Sent back")
    CLOSED = "closed", _("Closed")


ACTIVE_REFERRAL_STATUSES = (ReferralStatus.SENT, ReferralStatus.ACCEPTED)


class NationalCategory(models.TextChoices):
    """The groups closure reasons are reported in (unverified against Socialstyrelsen's list)."""

    WORK = "work", pgettext_lazy("closure category", "Work")
    STUDIES = "studies", pgettext_lazy("closure category", "Studies")
    STATE_PROGRAMME = "state_programme", _("Self-supporting in a state labour-market programme")
    OTHER_BENEFIT = "other_benefit", _("Other benefit or compensation")
    MOVED = "moved", pgettext_lazy("closure category", "Moved")
    OTHER = "other", _("Other or unknown")


# Closures the committees count as a way out of aid (goals, costs per closure).
TO_WORK_OR_STUDIES = (NationalCategory.WORK, NationalCategory.STUDIES)


class ClosureReason(models.Model):
    """A coded reason for closing a referral or a case. The administrator can add codes."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    national_category = models.CharField(
        _("national category"), max_length=20, choices=NationalCategory.choices
    )
    active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=100)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("closure reason")
        verbose_name_plural = _("closure reasons")

    def __str__(self) -> str:
        return str(closure_reason_label(self))


class Referral(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="referrals")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    to_unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("to unit"),
    )
    assessment = models.ForeignKey(
        WorkCapacityAssessment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    proposed_path = models.CharField(
        _("proposed path"), max_length=20, choices=Path.choices, blank=True
    )
    reason = models.TextField(_("why another path than the proposed one"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sent_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, related_name="+"
    )
    answered_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    return_reason = models.TextField(_("why it was sent back"), blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    closure_reason = models.ForeignKey(
        ClosureReason,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closure reason"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "to_unit"],
                condition=models.Q(status__in=["sent", "accepted"]),
                name="referral_one_active_per_person_and_unit",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="closed")
                | models.Q(closed_on__isnull=False, closure_reason__isnull=False),
                name="referral_closed_with_reason",
            ),
        ]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.person_id} → {self.to_unit_id}"


class CoachMeeting(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("meeting time"))
    booked_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting with the coach")
        verbose_name_plural = _("meetings with the coach")

    def __str__(self) -> str:
        return f"{self.referral_id} {self.starts_at:%Y-%m-%d %H:%M}"


class Provider(models.Model):
    """Who runs an activity: an adult-education provider, an employer, a municipal unit, ..."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    is_education = models.BooleanField(_("provider of adult education"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return self.name


class ActivityKind(models.TextChoices):
    WORK_PRACTICE = "work_practice", _("Work practice")
    SKILLS = "skills", _("Skills activity")
    SFI = "sfi", _("Swedish for immigrants (SFI)")
    ADULT_EDUCATION = "adult_education", _("Adult education")
    JOB_SEARCH = "job_search", _("Job search")
    CIVIC_ORIENTATION = "civic_orientation", _("Civic orientation")
    STARTING_A_BUSINESS = "starting_a_business", _("Starting a business")


class ActionPlan(models.Model):
    """The plan made with the person; every change is kept as a numbered version."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referral = models.OneToOneField(Referral, on_delete=models.PROTECT, related_name="plan")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    goals = models.TextField(_("goals"), max_length=3000)
    interests = models.TextField(_("the person's interests"), blank=True, max_length=3000)
    competencies = models.TextField(_("the person's competencies"), blank=True, max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return str(self.referral_id)


class Activity(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(_("activity"), max_length=30, choices=ActivityKind.choices)
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="activities", verbose_name=_("provider")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gt=0, hours_per_week__lte=40),
                name="activity_hours_per_week_range",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
            ),
        ]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return f"{self.kind} {self.starts_on}"


class ActionPlanVersion(models.Model):
    """A frozen copy of the plan as it stood: what the person read and agreed to."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("content"))
    made_with_person = models.BooleanField(_("made together with the person"))
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_once")
        ]
        verbose_name = _("version of an action plan")
        verbose_name_plural = _("versions of action plans")

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Absent with a valid reason")
    UNEXCUSED = "unexcused", _("Absent without a reported reason")
    REFUSED_OFFER = "refused_offer", _("Turned down the offered activity")


FLAGGING_ATTENDANCE = (AttendanceStatus.UNEXCUSED, AttendanceStatus.REFUSED_OFFER)


class Attendance(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="attendance")
    on = models.DateField(_("date"))
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus.choices)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "on"], name="attendance_once_per_day")
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.activity_id} {self.on} {self.status}"


class SpecialSupportTargetGroup(models.TextChoices):
    # The age limits are local policy (special_individual_support in the overlay), not a label.
    NEET_YOUTH = TargetGroup.NEET_YOUTH, _("Young person who neither works nor studies")
    WOMEN_WEAK_POSITION = (
        TargetGroup.WOMEN_WEAK_POSITION,
        _("Woman with a weak position on the labour market"),
    )


class SpecialSupportOutcome(models.TextChoices):
    GRANTED = "granted", pgettext_lazy("decision outcome", "Granted")
    REFUSED = "refused", pgettext_lazy("decision outcome", "Refused")


class SpecialSupportApplication(models.Model):
    """An application for the special individual support: investigated and decided like any aid."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="special_support"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    target_group = models.CharField(
        _("target group"), max_length=30, choices=SpecialSupportTargetGroup.choices
    )
    received_on = models.DateField(_("received on"))
    works_or_studies = models.BooleanField(_("works or studies today"), default=False)
    weak_position = models.TextField(
        _("the weak position on the labour market, as assessed"), blank=True, max_length=3000
    )
    wishes = models.TextField(_("what the person asks for"), max_length=3000)
    investigation = models.TextField(_("investigation"), blank=True, max_length=10000)
    ineligibility = models.JSONField(_("outside the target group because"), default=list)
    outcome = models.CharField(
        _("decision"), max_length=10, choices=SpecialSupportOutcome.choices, blank=True
    )
    reasoning = models.TextField(_("reasoning"), blank=True, max_length=5000)
    provision = models.CharField(_("legal basis"), max_length=60, blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="")
                | models.Q(GreaterThan(Length(Trim("reasoning")), 0), decided_at__isnull=False),
                name="special_support_decision_reasoned",
            ),
        ]
        verbose_name = _("application for special individual support")
        verbose_name_plural = _("applications for special individual support")

    def __str__(self) -> str:
        return f"{self.person_id} {self.received_on}"


class AdviceContact(models.Model):
    """Advice and guidance without a decision: counted, never named."""

    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+")
    on = models.DateField(_("date"))
    target_group = models.CharField(
        _("target group"), max_length=30, choices=SpecialSupportTargetGroup.choices
    )
    contacts = models.PositiveSmallIntegerField(_("number of contacts"))
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on"]
        verbose_name = _("advice contacts")
        verbose_name_plural = _("advice contacts")

    def __str__(self) -> str:
        return f"{self.unit_id} {self.on} {self.contacts}"
