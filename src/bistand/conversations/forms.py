from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.forms_base import PlainForm, SentOnceForm


class MessageForm(SentOnceForm):
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write a message before you send it.")},
    )


class FileToJournalForm(PlainForm):
    message_id = forms.UUIDField(widget=forms.HiddenInput)
