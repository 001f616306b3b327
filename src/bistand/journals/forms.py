from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.forms_base import PlainForm


class JournalEntryForm(PlainForm):
    text = forms.CharField(
        label=_("Journal entry"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )
    # Given with the page (`fresh`): a double click on Save or Sign saves one entry.
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    @classmethod
    def fresh(cls, text: str = "") -> JournalEntryForm:
        """An empty form, or one keeping `text`, with a key of its own."""
        return cls(initial={"text": text, "submission_key": uuid.uuid4()})


class JournalActionForm(PlainForm):
    entry_id = forms.UUIDField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Text"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 3})
    )
