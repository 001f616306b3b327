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
