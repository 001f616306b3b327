# SPDX-License-Identifier: EUPL-1.2
"""An appeal of a decision, sent through the e-service to the committee that decided.

The committee checks that it came in in time (45 § förvaltningslagen): a caseworker either
rejects it as late, with a documented assessment, or hands it on to the administrative court."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bistand.rules.appeal import came_in_time


class AppealStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("appeal status", "Received")
    FORWARDED = "forwarded", pgettext_lazy("appeal status", "Sent to the administrative court")
    REJECTED_LATE = "rejected_late", pgettext_lazy("appeal status", "Rejected: came in too late")


class Appeal(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.ForeignKey(
        "decisions.Decision", on_delete=models.PROTECT, related_name="appeals"
    )
    appellant = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    requested_change = models.TextField(_("how the decision should be changed"), max_length=5000)
    reasons = models.TextField(_("why the decision is wrong"), max_length=10000)
    received_at = models.DateTimeField(_("came in"))
    # What was known when it came in: the day the appellant first opened the decision here
    # (from the access log) and the last day counted from it. Empty when it is not known.
    decision_received_on = models.DateField(_("decision received"), null=True, blank=True)
    last_day = models.DateField(_("last day to appeal"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AppealStatus.choices, default=AppealStatus.RECEIVED
    )
    assessment = models.TextField(_("the caseworker's assessment"), blank=True)
    handled_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["received_at"]
        constraints = [
            # One appeal per decision and person: a double send is the same appeal.
            models.UniqueConstraint(fields=["decision", "appellant"], name="appeal_once_per_person")
        ]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"{self.decision_id} {self.received_at:%Y-%m-%d}"

    @property
    def late(self) -> bool:
        """Came in after the computed last day: a flag for the caseworker, not a rejection."""
        came_in = timezone.localdate(self.received_at)
        return came_in_time(last_day=self.last_day, came_in=came_in) is False
