# SPDX-License-Identifier: EUPL-1.2
"""Support barriers (försörjningshinder) as the applicant chooses them, and work situations.

The categories follow Socialstyrelsen's reporting of försörjningshinder (HSLF-FS 2015:30); the
wording here is plain language for applicants and should be checked against the regulation's
annex before the national statistics extract (issue 7) relies on the codes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SupportBarrier(models.TextChoices):
    UNEMPLOYED_REGISTERED = (
        "unemployed_registered",
        _("Unemployed and registered at Arbetsförmedlingen"),
    )
    UNEMPLOYED_NOT_REGISTERED = (
        "unemployed_not_registered",
        _("Unemployed, not registered at Arbetsförmedlingen"),
    )
    SICK_WITH_CERTIFICATE = "sick_with_certificate", _("Ill, with a medical certificate")
    SICK_WITHOUT_CERTIFICATE = (
        "sick_without_certificate",
        _("Ill or reduced ability to work, without a medical certificate"),
    )
    SOCIAL_REASONS = "social_reasons", _("Cannot work for social reasons")
    PARENTAL_LEAVE = "parental_leave", _("Parental leave")
    INSUFFICIENT_INCOME = "insufficient_income", _("Working, but the income is not enough")
    STUDYING = "studying", _("Studying")
    WAITING_FOR_BENEFIT = "waiting_for_benefit", _("Waiting for a benefit or other income")
    NEWLY_ARRIVED = (
        "newly_arrived",
        _("Newly arrived, in the establishment programme or Swedish for immigrants"),
    )
    OTHER = "other", _("Other reason")


class HousingType(models.TextChoices):
    RENTAL = "rental", _("Rented flat (first-hand contract)")
    SUBLET = "sublet", _("Sublet (second-hand contract)")
    OWNED = "owned", _("Owned flat or house")
    LODGER = "lodger", _("Lodger or living with someone")
    NONE = "none", _("No home of my own")


class UrgentNeed(models.TextChoices):
    """What the applicant lacks today, before the application can be decided (ADR 0038). The
    unit assesses it without delay; the system only puts it first in the queue."""

    FOOD = "food", _("Food")
    MEDICINE = "medicine", _("Medicine")
    SHELTER = "shelter", _("A place to sleep tonight")
    OTHER = "other", _("Something else I cannot do without")
