# SPDX-License-Identifier: EUPL-1.2
"""Payment orders from decisions, and payment runs that need two people."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    INCOME_SUPPORT = "income_support", _("Income support for the month")


class OrderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a payment run")
    IN_RUN = "in_run", _("In a payment run")
    SENT = "sent", _("Sent to the bank")


class PaymentOrder(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.OneToOneField(
        "decisions.Decision", on_delete=models.PROTECT, related_name="payment_order"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="payments")
    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"))
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    amount = models.DecimalField(_("amount (kr)"), max_digits=12, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=10, choices=OrderStatus.choices, default=OrderStatus.PENDING
    )
    run = models.ForeignKey(
        "PaymentRun", on_delete=models.PROTECT, null=True, blank=True, related_name="orders"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["month", "created_at"]
        constraints = [
            # A person is never paid twice for the same month and purpose.
            models.UniqueConstraint(
                fields=["person", "month", "purpose"], name="payment_once_per_person_month_purpose"
            ),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payment_positive"),
        ]
        verbose_name = _("payment order")
        verbose_name_plural = _("payment orders")

    def __str__(self) -> str:
        return f"{self.person_id} {self.month:%Y-%m} {self.amount}"


class RunStatus(models.TextChoices):
    PREPARED = "prepared", _("Prepared, waiting for approval")
    APPROVED = "approved", _("Approved and sent")


class PaymentRun(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.PREPARED
    )
    execution_date = models.DateField(_("payment date"))
    prepared_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    prepared_at = models.DateTimeField(_("prepared"), auto_now_add=True)
    approved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    class Meta:
        ordering = ["-prepared_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(approved_by__isnull=True)
                | ~models.Q(approved_by=models.F("prepared_by")),
                name="payment_run_two_people",
            ),
        ]
        verbose_name = _("payment run")
        verbose_name_plural = _("payment runs")

    def __str__(self) -> str:
        return f"{self.unit_id} {self.execution_date}"
