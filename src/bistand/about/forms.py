# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.about.models import AccessibilityReport, ReportKind
from bistand.forms_base import SentOnceForm

DESCRIPTION_MAX = AccessibilityReport._meta.get_field("description").max_length
PAGE_MAX = AccessibilityReport._meta.get_field("page").max_length


class AccessibilityReportForm(SentOnceForm):
    kind = forms.ChoiceField(
        label=_("What is it about?"),
        choices=ReportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what it is about.")},
    )
    page = forms.CharField(
        label=_("Which page, or which content? (if you know)"),
        required=False,
        max_length=PAGE_MAX,
        help_text=_("For example the page's title or address, or the name of a document."),
    )
    description = forms.CharField(
        label=_("What happened, or what do you need?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=DESCRIPTION_MAX,
        help_text=_(
            "Tell us what you tried to do and what went wrong, and what you use, such as a "
            "screen reader or a magnifier. Do not write about your case here: write to your "
            "caseworker instead."
        ),
        error_messages={"required": _("Write what happened, or what you need.")},
    )
    reply_to = forms.EmailField(
        label=_("Your e-mail address, if you want an answer"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),  # WCAG 1.3.5
        error_messages={"invalid": _("Write an e-mail address like name@example.se.")},
    )

    def report(self) -> dict[str, Any]:
        return {key: self.cleaned_data[key] for key in ("kind", "page", "description", "reply_to")}
