# SPDX-License-Identifier: EUPL-1.2
"""Referral of a person in a case to a labour-market unit (Jobbtorg, Jobbtorg Resurs, ...).

A coach sees only the people referred to their unit; the referral is what grants that view.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Sent back")
    CLOSED = "closed", _("Closed")


ACTIVE_REFERRAL_STATUSES = (ReferralStatus.SENT, ReferralStatus.ACCEPTED)


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
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.person_id} → {self.to_unit_id}"
