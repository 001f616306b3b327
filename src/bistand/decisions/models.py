# SPDX-License-Identifier: EUPL-1.2
"""Decisions on försörjningsstöd: per month, with the calculation, the reasoning and the law."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Outcome(models.TextChoices):
    GRANTED = "granted", pgettext_lazy("decision outcome", "Granted")
    PARTLY_GRANTED = "partly_granted", pgettext_lazy("decision outcome", "Partly granted")
    REFUSED = "refused", pgettext_lazy("decision outcome", "Refused")


AID_OUTCOMES = (Outcome.GRANTED, Outcome.PARTLY_GRANTED)  # the outcomes that give aid


class RepaymentGround(models.TextChoices):
    """Grounds on which aid may be given on condition of repayment (SoL 33 kap. 2-3 §§,
    9 kap. 2 § before 2025-07). The advance while waiting for establishment allowance (the
    'Vansbro model') is a municipal option."""

    ADVANCE_ON_BENEFIT = "advance_on_benefit", _("Advance on a benefit that is coming")
    ADVANCE_ESTABLISHMENT_ALLOWANCE = (
        "advance_establishment_allowance",
        _("Advance while waiting for establishment allowance"),
    )
    LABOUR_CONFLICT = "labour_conflict", _("Labour conflict")
    ASSETS_NOT_AVAILABLE = "assets_not_available", _("Assets the person cannot use yet")
    BEYOND_ENTITLEMENT = (
        "beyond_entitlement",
        _("Aid beyond the entitlement, on condition of repayment"),
    )


class RefusalGround(models.TextChoices):
    """A refusal of the whole month on a ground outside the calculation, after assessment."""

    NOT_AT_LABOUR_MARKET_DISPOSAL = (
        "not_at_labour_market_disposal",
        _("Not at the labour market's disposal without acceptable reason"),
    )


class DecisionStatus(models.TextChoices):
    AWAITING_SECOND_SIGNATURE = "awaiting_second_signature", _("Waiting for the second signature")
    SIGNED = "signed", _("Decided")


class Decision(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="decisions")
    application = models.OneToOneField(
        "applications.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision",
    )
    month = models.DateField(_("month"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    status = models.CharField(_("status"), max_length=30, choices=DecisionStatus.choices)
    applied_amount = models.DecimalField(_("applied for (kr)"), max_digits=12, decimal_places=2)
    granted_amount = models.DecimalField(_("granted (kr)"), max_digits=12, decimal_places=2)
    calculation_input = models.JSONField(_("calculation input"))
    calculation = models.JSONField(_("calculation"))
    norm_year = models.PositiveSmallIntegerField(_("norm year"))
    norm_status = models.CharField(_("status of the norm table"), max_length=20)
    law = models.CharField(_("law"), max_length=40)
    reasoning = models.TextField(_("individual assessment"), blank=True)
    reduction_assessment = models.JSONField(_("assessment of the reduction"), null=True, blank=True)
    refusal_ground = models.CharField(
        _("ground for refusal"), max_length=40, choices=RefusalGround.choices, blank=True
    )
    repayment_ground = models.CharField(
        _("repayment condition: ground"), max_length=40, choices=RepaymentGround.choices, blank=True
    )
    repayment_capacity = models.TextField(_("assessment of the room to repay"), blank=True)
    decided_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided"))
    second_signed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    second_signed_at = models.DateTimeField(_("second signature"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month", "-decided_at"]
        indexes = [models.Index(fields=["month", "status"], name="decision_month_status")]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {self.month:%Y-%m}"


class FlagGround(models.TextChoices):
    ABSENCE_FROM_ACTIVITY = (
        "absence_from_activity",
        _("Absent from an assigned activity without acceptable reason"),
    )
    REFUSED_JOB_OFFER = "refused_job_offer", _("Turned down a job offer without acceptable reason")
    REFUSED_ACTIVITY = (
        "refused_activity",
        _("Turned down an offered activity without acceptable reason"),
    )
    NOT_COOPERATING = "not_cooperating", _("Did not take part in the investigation")


class ReductionFlag(models.Model):
    """A possible ground for reduction, raised for the caseworker's individual assessment.
    A flag never changes any amount; only a decision with its assessment can."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="reduction_flags")
    ground = models.CharField(_("ground"), max_length=30, choices=FlagGround.choices)
    description = models.TextField(_("what happened"))
    raised_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True)
    resolution = models.TextField(_("the caseworker's assessment"), blank=True)
    resolved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(_("assessed"), null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        verbose_name = _("flag for assessment")
        verbose_name_plural = _("flags for assessment")

    def __str__(self) -> str:
        return f"{self.case_id} {self.ground}"
