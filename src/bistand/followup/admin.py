# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from bistand.followup.models import Goal


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin[Goal]):
    list_display = ("name", "committee", "measure", "direction", "target", "first_month")
    list_filter = ("committee", "measure")
