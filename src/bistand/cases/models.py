# SPDX-License-Identifier: EUPL-1.2
"""An economic-aid case, held by one unit, with the household as its members."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("case number"), max_length=30, unique=True)
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("responsible unit"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    opened_on = models.DateField(_("opened"))
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    first_visit_on = models.DateField(_("first reception visit"), null=True, blank=True)
    closure_reason = models.ForeignKey(
        "labour.ClosureReason",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closure reason"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_on", "reference"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.reference


class Relation(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    PARTNER = "partner", _("Partner")
    CHILD = "child", _("Child")
    OTHER = "other", _("Other household member")


ADULT_RELATIONS = (Relation.APPLICANT, Relation.PARTNER, Relation.OTHER)


class CaseMember(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="memberships"
    )
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "relation", "person__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "person"], name="case_member_once"),
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(relation="applicant"), name="case_one_applicant"
            ),
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(relation="partner"), name="case_one_partner"
            ),
        ]
        verbose_name = _("household member")
        verbose_name_plural = _("household members")

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.relation}"


class DisposalExtract(models.Model):
    """What is kept of a disposed case for statistics: no person, no text."""

    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+")
    opened_year = models.PositiveSmallIntegerField(_("opened"))
    last_entry_year = models.PositiveSmallIntegerField(_("last entry"))
    adults = models.PositiveSmallIntegerField(_("adults"))
    children = models.PositiveSmallIntegerField(_("children"))
    months_decided = models.PositiveSmallIntegerField(_("months decided"))
    months_granted = models.PositiveSmallIntegerField(_("months granted"))
    total_granted = models.DecimalField(_("total granted (kr)"), max_digits=14, decimal_places=2)
    disposed_at = models.DateTimeField(_("disposed"), auto_now_add=True)

    class Meta:
        ordering = ["-disposed_at"]
        verbose_name = _("statistical extract of a disposed case")
        verbose_name_plural = _("statistical extracts of disposed cases")

    def __str__(self) -> str:
        return f"{self.unit_id} {self.opened_year}-{self.last_entry_year}"
