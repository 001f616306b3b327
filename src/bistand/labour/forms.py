# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.forms_base import PlainForm
from bistand.labour.models import (
    ActivityKind,
    AssessmentBasis,
    AttendanceStatus,
    ClosureReason,
    Provider,
    SpecialSupportOutcome,
    SpecialSupportTargetGroup,
    WorkCapacity,
)
from bistand.people.validators import validate_identity_number

DATE = forms.DateInput(attrs={"type": "date"})


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared below
    field.choices = choices


class WorkCapacityForm(PlainForm):
    person = forms.ChoiceField(label=_("Adult"))
    level = forms.ChoiceField(
        label=_("Work capacity"), choices=WorkCapacity.choices, widget=forms.RadioSelect
    )
    percentage = forms.IntegerField(
        label=_("Per cent of full time (only when partly reduced)"),
        required=False,
        min_value=1,
        max_value=99,
    )
    basis = forms.ChoiceField(label=_("Basis"), choices=AssessmentBasis.choices)
    assessed_on = forms.DateField(label=_("Assessed on (YYYY-MM-DD)"), widget=DATE)
    persons_view = forms.CharField(
        label=_("The person's own view of their work capacity"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, adults: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "person", adults)


class ReferralSendForm(PlainForm):
    person = forms.ChoiceField(label=_("Adult"))
    to_unit = forms.ChoiceField(label=_("Refer to"))
    reason = forms.CharField(
        label=_("Reason, if you choose another unit than the proposed one"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self,
        *args: Any,
        adults: list[tuple[str, str]],
        units: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "person", adults)
        _choices(self, "to_unit", units)


class CloseForm(PlainForm):
    closure_reason = forms.ModelChoiceField(
        queryset=ClosureReason.objects.filter(active=True), label=_("Closure reason")
    )
    closed_on = forms.DateField(label=_("Closed on (YYYY-MM-DD)"), widget=DATE)


class ReturnForm(PlainForm):
    return_reason = forms.CharField(
        label=_("Why you send the referral back"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MeetingForm(PlainForm):
    starts_at = forms.DateTimeField(
        label=_("Meeting time (YYYY-MM-DD HH:MM)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class PlanForm(PlainForm):
    goals = forms.CharField(
        label=_("Goals"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    interests = forms.CharField(
        label=_("The person's interests"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    competencies = forms.CharField(
        label=_("The person's competencies"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    made_with_person = forms.BooleanField(
        label=_("The plan was made together with the person"), required=False
    )


class ActivityForm(PlainForm):
    kind = forms.ChoiceField(label=_("Activity"), choices=ActivityKind.choices)
    provider = forms.ModelChoiceField(queryset=Provider.objects.all(), label=_("Provider"))
    starts_on = forms.DateField(label=_("Starts on (YYYY-MM-DD)"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on (YYYY-MM-DD)"), required=False, widget=DATE)
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"), min_value=0.5, max_value=40, decimal_places=1
    )


class AttendanceForm(PlainForm):
    activity = forms.ChoiceField(label=_("Activity"))
    on = forms.DateField(label=_("Date (YYYY-MM-DD)"), widget=DATE)
    status = forms.ChoiceField(
        label=_("Attendance"), choices=AttendanceStatus.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, activities: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "activity", activities)


class SpecialSupportForm(PlainForm):
    identity_number = forms.CharField(
        label=_("Personal identity number (YYYYMMDD-NNNN)"),
        max_length=13,
        validators=[validate_identity_number],
    )
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    target_group = forms.ChoiceField(
        label=_("Target group"), choices=SpecialSupportTargetGroup.choices, widget=forms.RadioSelect
    )
    works_or_studies = forms.BooleanField(label=_("The person works or studies"), required=False)
    weak_position = forms.CharField(
        label=_("The weak position on the labour market (for the women's group)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    wishes = forms.CharField(
        label=_("What the person asks for"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    received_on = forms.DateField(label=_("Received on (YYYY-MM-DD)"), widget=DATE)


class SpecialSupportDecisionForm(PlainForm):
    investigation = forms.CharField(
        label=_("Investigation"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=SpecialSupportOutcome.choices, widget=forms.RadioSelect
    )
    reasoning = forms.CharField(
        label=_("Reasoning"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AdviceContactsForm(PlainForm):
    on = forms.DateField(label=_("Date (YYYY-MM-DD)"), widget=DATE)
    target_group = forms.ChoiceField(
        label=_("Target group"), choices=SpecialSupportTargetGroup.choices
    )
    contacts = forms.IntegerField(label=_("Number of contacts"), min_value=1, max_value=500)


YEARS_FOLLOWED_UP = 6


class ReferralYearForm(PlainForm):
    """The year the referrals were sent: this year or one of the five before, this by default."""

    year = forms.TypedChoiceField(
        label=_("Year the referral was sent"),
        coerce=int,
        error_messages={
            "invalid_choice": _("Choose one of the years in the list."),
        },
    )

    def __init__(self, data: Any, *, this_year: int) -> None:
        super().__init__(data, initial={"year": this_year})
        self.default = this_year
        field = self.fields["year"]
        assert isinstance(field, forms.TypedChoiceField)  # noqa: S101 - declared above
        field.choices = [
            (year, str(year)) for year in range(this_year, this_year - YEARS_FOLLOWED_UP, -1)
        ]

    def chosen(self) -> int:
        if self.is_bound and self.is_valid():
            chosen: int = self.cleaned_data["year"]
            return chosen
        return self.default
