# SPDX-License-Identifier: EUPL-1.2
"""The investigation of a case. Home visits: only with a purpose for this case and the person's
consent — or the refusal, recorded as such (JO 2011/12:JO1). There is no routine for everyone."""

import uuid

from django.db import models
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _


class Consent(models.TextChoices):
    GIVEN = "given", _("The person consented")
    REFUSED = "refused", _("The person refused")


class HomeVisit(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="home_visits")
    purpose = models.TextField(_("purpose of the visit for this case"), max_length=2000)
    consent = models.CharField(_("consent"), max_length=10, choices=Consent.choices)
    consent_asked_on = models.DateField(_("consent asked on"))
    carried_out_on = models.DateField(_("visit carried out on"), null=True, blank=True)
    notes = models.TextField(_("what the visit showed"), blank=True, max_length=5000)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-consent_asked_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=GreaterThan(Length(Trim("purpose")), 0),
                name="home_visit_purpose",
                violation_error_message=_("A home visit needs a purpose."),
            ),
            models.CheckConstraint(
                condition=~models.Q(consent="refused", carried_out_on__isnull=False),
                name="home_visit_not_after_refusal",
            ),
        ]
        verbose_name = _("home visit")
        verbose_name_plural = _("home visits")

    def __str__(self) -> str:
        return f"{self.case_id} {self.consent_asked_on}"


class Investigation(models.Model):
    """The structured investigation of a case (SoL 14 kap. 2 §): one record, kept up to date."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="investigation"
    )
    household = models.TextField(_("household"), blank=True)
    housing = models.TextField(_("housing"), blank=True)
    incomes = models.TextField(_("incomes"), blank=True)
    assets = models.TextField(_("assets"), blank=True)
    other_needs = models.TextField(_("other needs found"), blank=True)
    other_needs_committee = models.ForeignKey(
        "organisations.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("other needs referred to"),
    )
    other_needs_referred_on = models.DateField(_("referred on"), null=True, blank=True)
    updated_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("investigation")
        verbose_name_plural = _("investigations")

    def __str__(self) -> str:
        return str(self.case_id)


class InvestigatedAdult(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    investigation = models.ForeignKey(
        Investigation, on_delete=models.CASCADE, related_name="adults"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    support_barrier = models.CharField(_("support barrier"), max_length=40, blank=True)

    class Meta:
        ordering = ["person__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["investigation", "person"], name="investigated_adult_once"
            )
        ]
        verbose_name = _("adult in the investigation")
        verbose_name_plural = _("adults in the investigation")

    def __str__(self) -> str:
        return str(self.person_id)


class Verification(models.Model):
    """What was checked, against which document or source, by whom and when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    investigation = models.ForeignKey(
        Investigation, on_delete=models.CASCADE, related_name="verifications"
    )
    what = models.CharField(_("what was checked"), max_length=300)
    source = models.CharField(_("against which document or source"), max_length=300)
    result = models.CharField(_("result"), max_length=300, blank=True)
    checked_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    checked_on = models.DateField(_("checked on"))

    class Meta:
        ordering = ["checked_on"]
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self) -> str:
        return self.what
