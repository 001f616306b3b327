# SPDX-License-Identifier: EUPL-1.2
"""Users, their role and units, and explicit grants to see protected identities."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    CASEWORKER = "caseworker", _("Caseworker")
    COACH = "coach", _("Labour-market coach")
    UNIT_MANAGER = "unit_manager", _("Unit manager")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


STAFF_ROLES = frozenset(
    {Role.CASEWORKER, Role.COACH, Role.UNIT_MANAGER, Role.ANALYST, Role.ADMINISTRATOR}
)


class User(AbstractUser):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    units = models.ManyToManyField(
        "organisations.Unit", blank=True, related_name="staff", verbose_name=_("units")
    )
    person = models.OneToOneField(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="user",
        help_text=_("For applicants: the person they identified as."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language the person chose in Bistånd; notices are written in it."),
    )

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class ProtectedIdentityGrant(models.Model):
    """An explicit, reasoned grant for one staff member to see a protected person's contacts."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="protected_identity_grants"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="grants")
    reason = models.CharField(_("reason"), max_length=300)
    granted_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    valid_until = models.DateField(_("valid until"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("protected-identity grant")
        verbose_name_plural = _("protected-identity grants")

    def __str__(self) -> str:
        return f"{self.user} → {self.person_id}"
