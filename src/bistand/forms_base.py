# SPDX-License-Identifier: EUPL-1.2
"""The base of every form people fill in: labels without Django's trailing colon, and free text
written in the direction the writer writes in (`dir="auto"`): an applicant may write in Arabic to
a caseworker whose pages are Swedish, or the other way round."""

import uuid
from datetime import date
from typing import Any, Self

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PlainForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("dir", "auto")


class SentOnceForm(PlainForm):
    """A form whose page carries a one-time key, so that a double click, a reload or a retried
    request makes one row, not two (`bistand.sent_once.create_once`). Each page gets a key of its
    own (`fresh`); a page from before the key existed sends without one."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    @classmethod
    def fresh(cls, **initial: Any) -> Self:
        """An empty form, or one keeping what was written, with a new key."""
        return cls(initial={**initial, "submission_key": uuid.uuid4()})


def date_not_past(value: date) -> date:
    """A date a person sets for something still to come: today or later."""
    if value < timezone.localdate():
        raise forms.ValidationError(
            _("The date has passed. Choose today or a later date."), code="past"
        )
    return value


MAX_CHILDREN = 12


def children_formset(
    form_class: type[forms.Form], data: Any = None, *, initial: list[dict[str, Any]], extra: int = 0
) -> Any:
    """The household's children; `extra` empty rows come from the 'Add a child' button."""
    factory = forms.formset_factory(
        form_class,
        extra=min(extra, MAX_CHILDREN),
        max_num=MAX_CHILDREN,
        validate_max=True,
        can_delete=True,
    )
    return factory(data, initial=initial, prefix="children")
