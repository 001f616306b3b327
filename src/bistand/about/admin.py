# SPDX-License-Identifier: EUPL-1.2
"""The administrator reads the accessibility reports and marks them handled. A report is not case
data: anyone may send one, without a name (ADR 0035)."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bistand.about.models import AccessibilityReport
from bistand.about.services import accessibility_reports_handle
from bistand.accounts.models import User


class HandledFilter(admin.SimpleListFilter):
    title = _("handled")
    parameter_name = "handled"

    def lookups(self, request: HttpRequest, model_admin: object) -> list[tuple[str, Any]]:
        return [("no", _("Not yet")), ("yes", _("Handled"))]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[AccessibilityReport]
    ) -> QuerySet[AccessibilityReport]:
        if self.value() == "no":
            return queryset.filter(handled_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(handled_at__isnull=False)
        return queryset


@admin.register(AccessibilityReport)
class AccessibilityReportAdmin(admin.ModelAdmin[AccessibilityReport]):
    list_display = ["created_at", "kind", "page", "language", "reply_to", "handled_at"]
    list_filter = [HandledFilter, "kind"]
    search_fields = ["page", "description"]
    readonly_fields = (
        "kind",
        "page",
        "description",
        "reply_to",
        "language",
        "created_at",
        "handled_at",
        "handled_by",
    )
    fields = readonly_fields
    actions = ["mark_handled"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reports come from the public form only

    @admin.action(description=_("Mark the chosen reports as handled"))
    def mark_handled(self, request: HttpRequest, queryset: QuerySet[AccessibilityReport]) -> None:
        assert isinstance(request.user, User)  # noqa: S101 - the admin is behind its login
        count = accessibility_reports_handle(reports=queryset, acted_by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d report is marked as handled.",
                "%(count)d reports are marked as handled.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
