# SPDX-License-Identifier: EUPL-1.2
"""Applications from the e-service: the first one and the monthly re-applications."""

import uuid
from datetime import date, timedelta

from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.applications.categories import UrgentNeed


class ApplicationKind(models.TextChoices):
    FIRST = "first", _("First application")
    MONTHLY = "monthly", _("Monthly application")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_PARTNER = "awaiting_partner", _("Waiting for your partner to confirm")
    RECEIVED = "received", _("Received")
    NEEDS_COMPLETION = "needs_completion", _("Needs completion")
    INVESTIGATING = "investigating", _("Being investigated")
    DECIDED = "decided", _("Decided")
    PAID = "paid", _("Paid")
    WITHDRAWN = "withdrawn", _("Withdrawn")


SUBMITTED_STATUSES = (
    ApplicationStatus.RECEIVED,
    ApplicationStatus.NEEDS_COMPLETION,
    ApplicationStatus.INVESTIGATING,
    ApplicationStatus.DECIDED,
    ApplicationStatus.PAID,
)

# Received by the unit and not yet decided: the first-visit clock runs, the caseworker may ask
# for a completion, and a decision can be made.
UNDECIDED_STATUSES = (
    ApplicationStatus.RECEIVED,
    ApplicationStatus.NEEDS_COMPLETION,
    ApplicationStatus.INVESTIGATING,
)

# The applicant may take a sent application back until it is decided (återkallelse).
WITHDRAWABLE_STATUSES = (ApplicationStatus.AWAITING_PARTNER, *UNDECIDED_STATUSES)

# An urgent need the applicant stated is theirs to call about until it is assessed or decided
# (ADR 0038): in a draft not yet sent, waiting for the partner, or received by the unit.
URGENT_OPEN_STATUSES = (ApplicationStatus.DRAFT, *WITHDRAWABLE_STATUSES)


class Application(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=ApplicationKind.choices)
    applicant = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="applications"
    )
    partner = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_applications",
    )
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.PROTECT, related_name="applications"
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="applications"
    )
    month = models.DateField(_("month applied for"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    partner_confirmed_at = models.DateTimeField(_("partner confirmed"), null=True, blank=True)
    completion_due = models.DateField(_("complete by"), null=True, blank=True)
    completion_requested_on = models.DateField(_("completion requested"), null=True, blank=True)
    completion_received_on = models.DateField(_("completion received"), null=True, blank=True)
    # Days the clock was paused for earlier completions of this application, already over.
    completion_paused_days = models.PositiveIntegerField(_("days paused before"), default=0)
    # What the caseworker asked for, and what the applicant wrote when they sent the completion.
    completion_request = models.TextField(_("what is needed"), blank=True)
    completion_sent_at = models.DateTimeField(_("completion sent"), null=True, blank=True)
    completion_note = models.TextField(_("the applicant's note"), blank=True)
    # The applicant was reminded that it is due soon: once per request (bistand remind_completions).
    completion_reminded_on = models.DateField(_("reminded to complete"), null=True, blank=True)
    # An unsent draft's applicant was reminded that it will be deleted (bistand remind); a
    # change moves the day it is deleted, and earns a reminder of its own before that day.
    draft_reminded_on = models.DateField(_("reminded of the unsent draft"), null=True, blank=True)
    # The applicant took it back; a caseworker then writes it off, in the journal.
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("why it was withdrawn"), blank=True)
    written_off_at = models.DateTimeField(_("written off"), null=True, blank=True)
    written_off_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The applicant said they lack food, medicine or a place to sleep today (answers "needs",
    # ADR 0038): kept beside the answers, so that the unit's waiting list can find it in SQL. A
    # caseworker records that the need was assessed, and how, in the journal.
    urgent_need_stated = models.BooleanField(_("urgent need stated"), default=False)
    urgent_need_assessed_at = models.DateTimeField(_("urgent need assessed"), null=True, blank=True)
    urgent_need_assessed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-month", "-created_at"]
        constraints = [
            # One application per month; one withdrawn leaves room to apply again.
            models.UniqueConstraint(
                fields=["applicant", "month"],
                condition=~models.Q(status="withdrawn"),
                name="application_once_per_month",
            ),
        ]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.month:%Y-%m}"

    @property
    def urgent_needs(self) -> list[str]:
        """What the applicant said they lack today (UrgentNeed values); empty when nothing."""
        needs = (self.answers or {}).get("needs", {}).get("urgent_needs") or []
        return [str(need) for need in needs]

    def urgent_needs_named(self) -> list[str]:
        """What the applicant lacks today, in the active language's words."""
        labels = dict(UrgentNeed.choices)
        return [str(labels.get(need, need)) for need in self.urgent_needs]

    @property
    def urgent_need_open(self) -> bool:
        """An urgent need stated, not yet assessed and not yet decided: the applicant is told
        whom to call today."""
        return bool(
            self.urgent_need_stated
            and self.status in URGENT_OPEN_STATUSES
            and self.urgent_need_assessed_at is None
        )

    @property
    def urgent_need_waiting(self) -> bool:
        """An urgent need open and received by the unit: a caseworker is to assess it."""
        return self.urgent_need_open and self.status in UNDECIDED_STATUSES

    @property
    def completion_past_due(self) -> bool:
        """Asked to complete, nothing sent, and the day to complete by has passed: the
        caseworker may now decide on what the case holds, or ask again."""
        return (
            self.status == ApplicationStatus.NEEDS_COMPLETION
            and self.completion_sent_at is None
            and self.completion_due is not None
            and self.completion_due < timezone.localdate()
        )

    def completion_pause_end(self, today: date) -> date | None:
        """The day the first-visit clock runs again after the completion request, or None while
        it is still the applicant's time. The pause ends on the first of: the day the applicant
        sent the completion, the day the unit found it received, and the day after the day to
        complete by. From then on the time is the unit's: to read what came, or to decide on
        what the case holds."""
        if self.completion_requested_on is None:
            return None
        ends = [
            self.completion_received_on,
            timezone.localtime(self.completion_sent_at).date() if self.completion_sent_at else None,
            self.completion_due + timedelta(days=1) if self.completion_due else None,
        ]
        ended = min((end for end in ends if end is not None), default=None)
        return ended if ended is not None and ended <= today else None

    def completion_days_paused(self, today: date) -> int:
        """The days the clock has stood still for this request so far (none before it was
        asked)."""
        if self.completion_requested_on is None:
            return 0
        end = self.completion_pause_end(today) or today
        return max((end - self.completion_requested_on).days, 0)


def attachments_storage() -> Storage:
    """Outside the web root (STORAGES['attachments']); served only by an access-checked view."""
    return storages["attachments"]


class AttachmentKind(models.TextChoices):
    RENT = "rent", _("Rent or housing cost")
    BANK_STATEMENT = "bank_statement", _("Bank statement")
    AUTHORITY_DECISION = "authority_decision", _("Decision from another authority")
    PAYSLIP = "payslip", _("Payslip")
    OTHER = "other", _("Other document")


class Attachment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="attachments"
    )
    kind = models.CharField(_("kind of document"), max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), storage=attachments_storage, upload_to="%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size in bytes"))
    # The content's SHA-256: the same file twice (a double click, a retried upload) is one.
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "sha256"],
                condition=~models.Q(sha256=""),
                name="attachment_once_per_application",
            ),
        ]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class ReapplicationReminder(models.Model):
    """That a person was reminded, once, when the month's application window opened."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month applied for"))
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "month"], name="reminded_once_per_month")
        ]
        verbose_name = _("reminder to apply")
        verbose_name_plural = _("reminders to apply")

    def __str__(self) -> str:
        return f"{self.person_id} {self.month:%Y-%m}"
