from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.forms_base import SentOnceForm


class JournalEntryForm(SentOnceForm):
    text = forms.CharField(
        label=_("Journal entry"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )


class JournalActionForm(SentOnceForm):
    """Change, sign or correct one entry; the key makes a double click on "Save the correction"
    one correction."""

    entry_id = forms.UUIDField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Text"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 3})
    )
