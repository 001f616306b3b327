# SPDX-License-Identifier: EUPL-1.2
"""The rules core's line labels as translatable strings (English source, from rules/labels.yaml).

A test keeps this list equal to labels.yaml and the Swedish catalogue equal to its Swedish labels.
"""

from django.utils.translation import gettext_noop

LINE_LABELS = {
    "norm_adult_single": gettext_noop("National norm, single adult"),
    "norm_adults_cohabiting": gettext_noop("National norm, adults living together"),
    "norm_child": gettext_noop("National norm, child"),
    "norm_household_common": gettext_noop("National norm, household-common costs"),
    "norm_household_common_share": gettext_noop(
        "National norm, share of household-common costs (shared household)"
    ),
    "municipal_child_supplement": gettext_noop("Municipal norm supplement for a child"),
    "cost_housing": gettext_noop("Housing"),
    "cost_household_electricity": gettext_noop("Household electricity"),
    "cost_home_insurance": gettext_noop("Home insurance"),
    "cost_work_travel": gettext_noop("Work travel"),
    "cost_union_fee": gettext_noop("Union fee"),
    "cost_unemployment_fund_fee": gettext_noop("Unemployment-fund fee"),
    "other_childcare_fee": gettext_noop("Childcare fee"),
    "other_dental_care": gettext_noop("Dental care"),
    "other_medicine": gettext_noop("Medicine"),
    "other_healthcare": gettext_noop("Healthcare"),
    "other_glasses": gettext_noop("Glasses"),
    "other_other": gettext_noop("Other living cost"),
    "income_employment": gettext_noop("Employment income"),
    "income_establishment_allowance": gettext_noop("Establishment allowance"),
    "income_child_allowance": gettext_noop("Child allowance"),
    "income_housing_allowance": gettext_noop("Housing allowance"),
    "income_maintenance_support": gettext_noop("Maintenance support"),
    "income_sickness_benefit": gettext_noop("Sickness benefit"),
    "income_unemployment_benefit": gettext_noop("Unemployment benefit"),
    "income_pension": gettext_noop("Pension"),
    "income_student_aid": gettext_noop("Student aid"),
    "income_other": gettext_noop("Other income"),
    # xgettext:no-python-format
    "disregard_job_stimulus": gettext_noop("Job stimulus: 25 % of employment income not counted"),
    "disregard_youth_income": gettext_noop("Work income of a child or school youth not counted"),
    "adjustment_reduction": gettext_noop("Reduction"),
    "adjustment_special_diet": gettext_noop("Raised norm, special diet"),
    "adjustment_raised_norm": gettext_noop("Raised norm"),
    "adjustment_other": gettext_noop("Other adjustment"),
}
