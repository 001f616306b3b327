# SPDX-License-Identifier: EUPL-1.2
"""The person registry."""

import uuid
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from bistand.folding import name_folded
from bistand.people.validators import validate_identity_number


class ProtectedIdentity(models.TextChoices):
    NONE = "", _("None")
    CONFIDENTIALITY_MARKING = (
        "sekretessmarkering",
        _("Confidentiality marking (sekretessmarkering)"),
    )
    PROTECTED_REGISTRATION = (
        "skyddad_folkbokforing",
        _("Protected registration (skyddad folkbokföring)"),
    )
    FICTITIOUS_IDENTITY = (
        "fingerade_personuppgifter",
        _("Fictitious identity (fingerade personuppgifter)"),
    )


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")


class Person(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    identity_number = models.CharField(
        _("personal identity number"),
        max_length=12,
        unique=True,
        validators=[validate_identity_number],
        help_text=_("12 digits, personnummer or samordningsnummer."),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    # The name as the case search compares it (`bistand.folding`), kept by `save`.
    search_name = models.CharField(max_length=500, blank=True, default="", editable=False)
    gender = models.CharField(_("legal gender"), max_length=5, choices=Gender.choices)
    born_in_sweden = models.BooleanField(_("born in Sweden"), null=True)
    address_line = models.CharField(_("address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    iban = models.CharField(_("bank account for payments (IBAN)"), max_length=34, blank=True)
    protected_identity = models.CharField(
        _("protected identity"),
        max_length=30,
        choices=ProtectedIdentity.choices,
        blank=True,
        default="",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "identity_number"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = name_folded(self.first_name, self.last_name)
        fields = kwargs.get("update_fields")
        if fields is not None and {"first_name", "last_name"} & set(fields):
            kwargs["update_fields"] = {*fields, "search_name"}
        super().save(*args, **kwargs)

    @property
    def is_protected(self) -> bool:
        return self.protected_identity != ProtectedIdentity.NONE


class ContactChannel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("SMS")


class ContactConfirmation(models.Model):
    """An address the person has given for the notices, not used until they have written back the
    code sent to it (ADR 0019). The code is never stored: it is derived from this row and the
    secret key (`bistand.people.contact.confirmation_code`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=5, choices=ContactChannel.choices)
    address = models.CharField(max_length=254)
    created_at = models.DateTimeField()
    wrong_codes = models.PositiveSmallIntegerField(default=0)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Replaced by a newer address or code, or the person kept or removed the address they had.
    given_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["person", "channel", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.channel} confirmation {self.pk}"
