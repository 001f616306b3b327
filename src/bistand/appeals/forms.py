# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bistand.appeals.models import Appeal
from bistand.forms_base import PlainForm


class AppealForm(PlainForm):
    """What 43 § förvaltningslagen asks of an appeal: which decision (the page's own), how the
    appellant wants it changed, and, for the court, why."""

    requested_change = forms.CharField(
        label=_("How do you want the decision changed?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: that I get aid for the whole rent."),
        error_messages={"required": _("Write how you want the decision changed.")},
    )
    reasons = forms.CharField(
        label=_("Why do you think the decision is wrong?"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Write in your own words, in any language. Tell us anything we did not know."),
        error_messages={"required": _("Write why you think the decision is wrong.")},
    )


class AppealHandlingForm(PlainForm):
    """The committee's check that the appeal came in in time (45 § förvaltningslagen)."""

    FORWARD, REJECT_LATE = "forward", "reject_late"

    appeal = forms.ModelChoiceField(queryset=Appeal.objects.none(), widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Did it come in in time?"),
        widget=forms.RadioSelect,
        choices=[
            (FORWARD, pgettext_lazy("appeal handling", "Yes: send it to the administrative court")),
            (REJECT_LATE, pgettext_lazy("appeal handling", "No: reject it as late")),
        ],
        error_messages={"required": _("Choose whether the appeal came in in time.")},
    )
    assessment = forms.CharField(
        label=_("Your assessment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "When the applicant received the decision and when the appeal came in; for a late "
            "appeal, whether the delay was caused by our own notice on how to appeal; and "
            "whether the decision is changed. It goes into the signed journal entry."
        ),
        error_messages={
            "required": _("Write your assessment: whether it came in in time, and why.")
        },
    )

    def __init__(self, *args: Any, appeals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["appeal"].queryset = appeals  # type: ignore[attr-defined]
