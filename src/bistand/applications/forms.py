# SPDX-License-Identifier: EUPL-1.2
"""One form per topic of the application. Cleaned data is JSON-ready (amounts as strings)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bistand.applications.categories import HousingType, SupportBarrier, UrgentNeed
from bistand.applications.fields import AmountField
from bistand.applications.models import AttachmentKind
from bistand.forms_base import PlainForm, children_formset, date_not_past
from bistand.payments.iban import iban_is_valid, iban_normalise
from bistand.people.validators import identity_number_clean


def json_ready(data: dict[str, Any]) -> dict[str, Any]:
    return {key: str(value) if isinstance(value, Decimal) else value for key, value in data.items()}


class StepForm(PlainForm):
    """A step's form; `answers()` is what is stored in the draft."""

    def answers(self) -> dict[str, Any]:
        return json_ready(self.cleaned_data)


class HouseholdForm(StepForm):
    partner_identity_number = forms.CharField(
        label=_("Your partner's personal identity number (if you live with a spouse or partner)"),
        required=False,
        max_length=13,
        help_text=_("Your partner confirms the application with their own e-identification."),
    )
    others_in_home = forms.IntegerField(
        label=_("Other adults living in the home who are not your partner"),
        min_value=0,
        max_value=20,
        required=False,
        initial=0,
        help_text=_("For example a relative or a friend you share the home with."),
    )

    def clean_partner_identity_number(self) -> str:
        value = self.cleaned_data["partner_identity_number"].strip()
        return identity_number_clean(value).digits if value else ""


class ChildForm(PlainForm):
    first_name = forms.CharField(label=_("Child's first name"), max_length=100)
    identity_number = forms.CharField(label=_("Child's personal identity number"), max_length=13)
    lunch_at_home = forms.BooleanField(
        label=_("Eats lunch at home on weekdays (not at preschool)"), required=False, initial=True
    )
    in_upper_secondary_school = forms.BooleanField(
        label=_("Goes to upper-secondary school (for children aged 19 or 20)"), required=False
    )

    def clean_identity_number(self) -> str:
        return identity_number_clean(self.cleaned_data["identity_number"]).digits


def child_formset(data: Any = None, *, initial: list[dict[str, Any]], extra: int = 0) -> Any:
    return children_formset(ChildForm, data, initial=initial, extra=extra)


class HousingForm(StepForm):
    housing_type = forms.ChoiceField(
        label=_("How do you live?"), choices=HousingType.choices, widget=forms.RadioSelect
    )
    housing = AmountField(label=_("Rent or housing cost per month (kr)"))
    household_electricity = AmountField(label=_("Household electricity per month (kr)"))
    home_insurance = AmountField(label=_("Home insurance per month (kr)"))
    work_travel = AmountField(label=_("Travel to work per month (kr)"))
    union_fee = AmountField(label=_("Union fee per month (kr)"))
    unemployment_fund_fee = AmountField(label=_("Unemployment fund fee per month (kr)"))
    childcare_fee = AmountField(label=_("Childcare fee per month (kr)"))


INCOME_FIELDS = (
    ("employment", _("Your salary after tax (kr)")),
    ("partner_employment", _("Your partner's salary after tax (kr)")),
    ("establishment_allowance", _("Establishment allowance (kr)")),
    ("child_allowance", _("Child allowance (kr)")),
    ("housing_allowance", _("Housing allowance (kr)")),
    ("maintenance_support", _("Maintenance support (kr)")),
    ("sickness_benefit", _("Sickness benefit (kr)")),
    ("unemployment_benefit", _("Unemployment benefit (kr)")),
    ("pension", _("Pension (kr)")),
    ("student_aid", _("Student aid (kr)")),
    ("other", _("Other income (kr)")),
)


class IncomesForm(StepForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in INCOME_FIELDS:
            self.fields[name] = AmountField(label=label)


class AssetsForm(StepForm):
    bank_balance = AmountField(label=_("Money in bank accounts today (kr)"))
    owns_car = forms.BooleanField(label=_("I or my partner own a car"), required=False)
    car_value = AmountField(label=_("Estimated value of the car (kr)"))
    owns_property = forms.BooleanField(
        label=_("I or my partner own a house, flat or land"), required=False
    )
    other_assets = forms.CharField(
        label=_("Other assets (shares, funds, valuables)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WorkForm(StepForm):
    support_barrier = forms.ChoiceField(
        label=_("What mainly stops you from supporting yourself now?"),
        choices=SupportBarrier.choices,
        widget=forms.RadioSelect,
    )
    support_barrier_text = forms.CharField(
        label=_("Tell us in your own words"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example what you have tried, and what would help you to work or study."),
    )
    registered_at_employment_service = forms.BooleanField(
        label=_("I am registered at Arbetsförmedlingen"), required=False
    )
    partner_support_barrier = forms.ChoiceField(
        label=_("What mainly stops your partner (if you have one)?"),
        required=False,
        choices=[("", _("No partner / not relevant")), *SupportBarrier.choices],
    )


class NeedsForm(StepForm):
    # Asked first on the page: a household without food today should not wait for a decision
    # (ADR 0038). Ticking one tells the applicant at once whom to call; the sent application is
    # put first in the unit's queue.
    urgent_needs = forms.MultipleChoiceField(
        label=_("Do you lack any of this today, before we can decide on your application?"),
        choices=UrgentNeed.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick what you lack. Leave it empty if you can manage until the decision."),
    )
    urgent_text = forms.CharField(
        label=_("What do you need today?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: I have no money for food for my children from tomorrow."),
    )
    dental_care = AmountField(label=_("Dental care this month (kr)"))
    medicine = AmountField(label=_("Medicine this month (kr)"))
    other_needs = forms.CharField(
        label=_("Other needs you want to tell us about"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        needs, text = data.get("urgent_needs") or [], (data.get("urgent_text") or "").strip()
        if UrgentNeed.OTHER in needs and not text and "urgent_text" not in self.errors:
            self.add_error("urgent_text", _("Tell us what else you cannot do without today."))
        elif text and not needs and "urgent_needs" not in self.errors:
            self.add_error(
                "urgent_needs",
                _("Tick what you lack today, or empty the box below if you can manage."),
            )
        return data


class ChangesForm(StepForm):
    household_changed = forms.BooleanField(
        label=_("My household has changed since last month"), required=False
    )
    work_changed = forms.BooleanField(
        label=_("My work or study situation has changed"), required=False
    )
    assets_changed = forms.BooleanField(label=_("My assets have changed"), required=False)
    changes_text = forms.CharField(
        label=_("Anything else that has changed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConsentForm(StepForm):
    bank_account = forms.CharField(
        label=_("Bank account for payments (IBAN)"),
        required=False,
        max_length=42,
        help_text=_(
            "For example SE35 5000 0000 0549 1000 0003. Leave empty if you have given it before."
        ),
    )
    truthful = forms.BooleanField(
        label=_("I have given true and complete information and will tell you if it changes"),
        error_messages={"required": _("You need to confirm that the information is true.")},
    )
    consent_checks = forms.BooleanField(
        label=_(
            "I know that the information may be checked with other authorities, such as "
            "Försäkringskassan and Arbetsförmedlingen"
        ),
        error_messages={"required": _("You need to confirm that you know about the checks.")},
    )

    def clean_bank_account(self) -> str:
        value = iban_normalise(self.cleaned_data.get("bank_account") or "")
        if value and not iban_is_valid(value):
            raise forms.ValidationError(
                _(
                    "The account number is not a valid IBAN: it starts with SE and has 24 "
                    "characters. Your bank shows it."
                ),
                code="iban",
            )
        return value

    def answers(self) -> dict[str, Any]:
        return {**super().answers(), "confirmed_at": timezone.now().isoformat()}


class FilesInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """One or more files chosen at once, as Django's documentation shows: a list of files."""

    widget = FilesInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        clean_one = super().clean
        if isinstance(data, list | tuple):
            if not data:
                return [clean_one(None, initial)]  # "This field is required."
            return [clean_one(one, initial) for one in data]
        return [clean_one(data, initial)]


class AttachmentForm(PlainForm):
    kind = forms.ChoiceField(
        label=_("What kind of document is it?"), choices=AttachmentKind.choices
    )
    # Photos of each page of a contract, chosen together on a phone: each file is one document
    # of the kind chosen above, checked on its own.
    file = FilesField(
        widget=FilesInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
        help_text=_(
            "You can choose several files at once, for example a photo of each page. They all "
            "get the kind you chose above."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The label says the limit the server applies (settings), not a number of its own.
        self.fields["file"].label = _(
            "Choose one or more files (PDF, JPG or PNG, at most %(max_mb)s MB each)"
        ) % {"max_mb": settings.BISTAND_ATTACHMENT_MAX_BYTES // (1024 * 1024)}


class CompletionForm(PlainForm):
    note = forms.CharField(
        label=_("A note to your caseworker (if you want)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WithdrawalForm(PlainForm):
    reason = forms.CharField(
        label=_("Why you withdraw it (if you want to say)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: I have got a job, or my income has changed."),
    )


class CompletionRequestForm(PlainForm):
    """The caseworker asks the applicant to complete the application."""

    due = forms.DateField(
        label=_("Complete by"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    what = forms.CharField(
        label=_("What the applicant needs to send"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant reads this on their case, in the words you write."),
    )

    def clean_due(self) -> date:
        return date_not_past(self.cleaned_data["due"])


class UrgentNeedAssessmentForm(PlainForm):
    """The caseworker records how the applicant's urgent need was assessed (ADR 0038)."""

    assessment = forms.CharField(
        label=_("How the urgent need was assessed, and what was done"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: spoke with the applicant by phone; emergency aid for food granted, "
            "decision in the journal. A signed journal entry in your name records it."
        ),
        error_messages={
            "required": _("Write how the urgent need was assessed, and what was done.")
        },
    )


class SubmitForm(PlainForm):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)


STEP_FORMS: dict[str, type[StepForm]] = {
    "household": HouseholdForm,
    "housing": HousingForm,
    "incomes": IncomesForm,
    "assets": AssetsForm,
    "work": WorkForm,
    "needs": NeedsForm,
    "changes": ChangesForm,
    "consent": ConsentForm,
}
STEP_TITLES = {
    "household": _("Household"),
    "housing": _("Housing and costs"),
    "incomes": _("Incomes"),
    "assets": _("Assets"),
    "work": _("Work and studies"),
    "needs": _("Other needs"),
    "changes": _("What has changed"),
    "documents": _("Documents"),
    "consent": _("Consent"),
}
FIRST_STEPS = ("household", "housing", "incomes", "assets", "work", "needs", "documents", "consent")
# What a monthly application does not copy from the last one: consent is given anew, and the
# other needs are this month's (dental care, medicine), not last month's applied for again.
MONTHLY_NOT_CARRIED = frozenset({"consent", "changes", "needs"})


def steps_for(kind: str, answers: dict[str, Any]) -> list[str]:
    """The pages of this application: a monthly one asks about what changed, and about the
    month's own costs and incomes, which are never carried over (MONTHLY_NOT_CARRIED)."""
    if kind == "first":
        return list(FIRST_STEPS)
    changes = answers.get("changes", {})
    steps = ["changes"]
    if changes.get("household_changed"):
        steps.append("household")
    steps += ["housing", "incomes"]
    if changes.get("assets_changed"):
        steps.append("assets")
    if changes.get("work_changed"):
        steps.append("work")
    return [*steps, "needs", "documents", "consent"]
