import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from bistand.forms_base import PlainForm


class MessageForm(PlainForm):
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write a message before you send it.")},
    )
    # Given with the page (`MessageForm.fresh`); a page from before the key existed sends without.
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    @classmethod
    def fresh(cls, body: str = "") -> "MessageForm":
        """An empty form, or one keeping `body`, with a key of its own."""
        return cls(initial={"body": body, "submission_key": uuid.uuid4()})


class FileToJournalForm(PlainForm):
    message_id = forms.UUIDField(widget=forms.HiddenInput)
