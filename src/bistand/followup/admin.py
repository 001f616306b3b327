# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from bistand.followup.models import Goal, Measure, MeasureBudget, MeasureCost


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin[Goal]):
    list_display = ("name", "committee", "measure", "direction", "target", "first_month")
    list_filter = ("committee", "measure")


class MeasureBudgetInline(admin.TabularInline[MeasureBudget, Measure]):
    model = MeasureBudget
    extra = 0


class MeasureCostInline(admin.TabularInline[MeasureCost, Measure]):
    model = MeasureCost
    extra = 0


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin[Measure]):
    list_display = ("name", "committee", "activity_kind", "provider")
    list_filter = ("committee", "activity_kind")
    inlines = (MeasureBudgetInline, MeasureCostInline)
