# SPDX-License-Identifier: EUPL-1.2
"""Municipality → committees → units. Staff belong to units; cases belong to a unit."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bistand.payments.iban import iban_is_valid


class Municipality(models.Model):
    code = models.CharField(_("municipality code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    guidelines = models.SlugField(
        _("local guidelines"),
        max_length=40,
        blank=True,
        help_text=_(
            "Key of the local guideline overlay, e.g. 'stockholm'. Empty: national rules only."
        ),
    )
    intake_unit = models.ForeignKey(
        "Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit receiving e-applications"),
    )
    payment_iban = models.CharField(
        _("the municipality's account (IBAN)"), max_length=34, blank=True
    )
    payment_bic = models.CharField(_("the municipality's bank (BIC)"), max_length=11, blank=True)
    decisions_need_second_signature = models.BooleanField(
        _("decisions need a second signature by the unit manager"),
        default=False,
    )
    reapplication_opens_day = models.PositiveSmallIntegerField(
        _("monthly application opens (day of the month before)"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_(
            "The monthly application for a month can be sent from this day of the month before."
        ),
    )
    reapplication_closes_day = models.PositiveSmallIntegerField(
        _("monthly application closes (day of the month)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("The monthly application can be sent until this day of the month applied for."),
    )
    completion_reminder_days = models.PositiveSmallIntegerField(
        _("completion reminder (days before it is due)"),
        default=2,
        validators=[MaxValueValidator(14)],
        help_text=_(
            "An applicant who has not sent a completion is reminded, once, this many days before "
            "it is due. 0 turns the reminder off."
        ),
    )
    draft_kept_days = models.PositiveSmallIntegerField(
        _("unsent draft kept (days)"),
        default=30,
        validators=[MinValueValidator(7), MaxValueValidator(365)],
        help_text=_(
            "A draft the applicant has not sent is deleted, with its documents, this many days "
            "after it was last changed. The applicant sees the day on the draft."
        ),
    )
    draft_reminder_days = models.PositiveSmallIntegerField(
        _("unsent draft reminder (days before it is deleted)"),
        default=5,
        validators=[MaxValueValidator(30)],
        help_text=_(
            "An applicant with an unsent draft is reminded, once, this many days before it is "
            "deleted. 0 turns the reminder off."
        ),
    )

    data_protection_officer_email = models.EmailField(
        _("data protection officer's e-mail"),
        blank=True,
        help_text=_(
            "Shown to applicants on the page about personal data, as where to ask how their "
            "data is handled."
        ),
    )
    accessibility_contact_email = models.EmailField(
        _("accessibility contact's e-mail"),
        blank=True,
        help_text=_(
            "Told by e-mail when someone reports an accessibility problem or asks for content in "
            "an accessible form. The e-mail says only that a report has come in; it is read in "
            "the administration."
        ),
    )
    out_of_hours_phone = models.CharField(
        _("social emergency service's phone (socialjour)"),
        max_length=40,
        blank=True,
        help_text=_(
            "Shown to applicants as the number to call in acute need when the units' phones are "
            "closed: evenings, nights, weekends and holidays."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    @property
    def out_of_hours_phone_link(self) -> str:
        return phone_link(self.out_of_hours_phone)

    def clean(self) -> None:
        """What the administrator sets must work for every applicant: the e-applications reach
        one of this municipality's economic-aid units, and payments leave from a real account."""
        errors: dict[str, Any] = {}
        unit = self.intake_unit
        if unit is not None and (
            unit.kind not in INTAKE_UNIT_KINDS or unit.committee.municipality_id != self.pk
        ):
            errors["intake_unit"] = _(
                "Choose a reception or economic-aid unit of this municipality: applications sent "
                "online become cases there."
            )
        if self.payment_iban and not iban_is_valid(self.payment_iban):
            errors["payment_iban"] = _(
                "The account number is not a valid IBAN: it starts with SE and has 24 "
                "characters. Your bank shows it."
            )
        if self.draft_reminder_days and self.draft_reminder_days >= self.draft_kept_days:
            errors["draft_reminder_days"] = _(
                "The reminder must come before the draft is deleted: choose fewer days than the "
                "draft is kept."
            )
        if errors:
            raise ValidationError(errors)


class CommitteeKind(models.TextChoices):
    DISTRICT = "district", _("District committee")
    LABOUR_MARKET = "labour_market", _("Labour-market committee")
    SOCIAL = "social", _("Social committee")


class Committee(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="committees"
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=CommitteeKind.choices)

    class Meta:
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="committee_unique_name"),
        ]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    RECEPTION = "reception", _("Reception for economic aid")
    ECONOMIC_AID = "economic_aid", _("Economic-aid unit")
    JOBBTORG = "jobbtorg", _("Jobbtorg")
    JOBBTORG_RESURS = "jobbtorg_resurs", _("Jobbtorg Resurs")
    WORK_TRAINING = "work_training", _("Work-training unit")


# The units a household applying online can become a case at.
INTAKE_UNIT_KINDS = frozenset({UnitKind.RECEPTION, UnitKind.ECONOMIC_AID})


class Unit(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="units")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    # How an applicant reaches the unit: on the page "Contact us" (the intake unit) and on My
    # case (the unit responsible for the person's case).
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("The number applicants call, for example 08-508 00 000."),
    )
    phone_opens = models.TimeField(
        _("phone opens (weekdays)"), null=True, blank=True, help_text=_("For example 09:00.")
    )
    phone_closes = models.TimeField(
        _("phone closes (weekdays)"), null=True, blank=True, help_text=_("For example 11:30.")
    )
    visiting_address = models.CharField(
        _("visiting address"),
        max_length=200,
        blank=True,
        help_text=_("Where applicants can come in person, for example Fleminggatan 4, Stockholm."),
    )

    class Meta:
        ordering = ["committee__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "name"], name="unit_unique_name")
        ]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return f"{self.committee.name} – {self.name}"

    def clean(self) -> None:
        """Phone hours are both set or both empty, and the phone opens before it closes."""
        opens, closes = self.phone_opens, self.phone_closes
        if (opens is None) != (closes is None):
            field = "phone_closes" if closes is None else "phone_opens"
            raise ValidationError({field: _("Give both the time the phone opens and closes.")})
        if opens is not None and closes is not None and opens >= closes:
            raise ValidationError({"phone_closes": _("The phone must close after it opens.")})
        if (opens is not None) and not self.phone:
            raise ValidationError({"phone": _("Give the number that is open at these times.")})

    @property
    def phone_link(self) -> str:
        """The number as a `tel:` link dials it: digits only, a leading + kept."""
        return phone_link(self.phone)


def phone_link(number: str) -> str:
    digits = "".join(c for c in number if c in "0123456789")
    if not digits:
        return ""
    return f"tel:{'+' if number.strip().startswith('+') else ''}{digits}"
