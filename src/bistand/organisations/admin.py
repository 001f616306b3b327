from django.contrib import admin

from bistand.organisations.models import Committee, Municipality, Unit


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    list_display = ["name", "code", "guidelines"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin[Committee]):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
    list_display = ["name", "kind", "committee"]
    list_filter = ["kind", "committee"]
