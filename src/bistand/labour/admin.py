# SPDX-License-Identifier: EUPL-1.2
"""Code lists the administrator keeps: closure reasons and activity providers (no case data)."""

from django.contrib import admin

from bistand.labour.models import ClosureReason, Provider


@admin.register(ClosureReason)
class ClosureReasonAdmin(admin.ModelAdmin[ClosureReason]):
    list_display = ["code", "name", "national_category", "active", "position"]
    list_filter = ["national_category", "active"]


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin[Provider]):
    list_display = ["name", "is_education"]
    list_filter = ["is_education"]
