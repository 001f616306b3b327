# SPDX-License-Identifier: EUPL-1.2
"""Administrators manage users, their roles and units; no case content is reachable here."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from bistand.accounts.models import Role, User


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active", "units"]
    filter_horizontal = ["units", "groups", "user_permissions"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Bistånd"), {"fields": ["role", "units"]}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        # Applicants' accounts are tied to a person in the case registry: not configuration.
        return super().get_queryset(request).exclude(role=Role.APPLICANT)

    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Bistånd"), {"fields": ["role", "units"]}),
    )
