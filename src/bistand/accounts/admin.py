# SPDX-License-Identifier: EUPL-1.2
"""Administrators manage users, their roles and units; no case content is reachable here."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from bistand.accounts.models import Role, User

# The task queue's own admin would show who was sent a notice, and a failed task's traceback can
# carry an address: knowing that someone is a client is itself confidential. Failures are logged.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


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
