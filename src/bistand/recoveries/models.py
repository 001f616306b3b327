# SPDX-License-Identifier: EUPL-1.2
"""Receivables: aid given on condition of repayment, and recovery of incorrect payments."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReceivableKind(models.TextChoices):
    CONDITIONAL_AID = "conditional_aid", _("Aid on condition of repayment")
    INCORRECT_PAYMENT = "incorrect_payment", _("Recovery of an incorrect payment")


class ReceivableStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PAID = "paid", _("Repaid")
    WRITTEN_OFF = "written_off", _("Written off")


class Receivable(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="receivables")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    decision = models.OneToOneField(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="receivable",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReceivableKind.choices)
    ground = models.TextField(_("ground"))
    legal_basis = models.CharField(_("legal basis"), max_length=100)
    amount = models.DecimalField(_("amount (kr)"), max_digits=12, decimal_places=2)
    paid_amount = models.DecimalField(_("repaid (kr)"), max_digits=12, decimal_places=2, default=0)
    paid_out_on = models.DateField(_("the aid was paid on"))
    court_deadline = models.DateField(_("court action at the latest"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ReceivableStatus.choices, default=ReceivableStatus.OPEN
    )
    written_off_reason = models.TextField(_("why it was written off"), blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="receivable_positive")
        ]
        verbose_name = _("receivable")
        verbose_name_plural = _("receivables")

    def __str__(self) -> str:
        return f"{self.kind} {self.amount}"
