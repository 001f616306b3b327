# SPDX-License-Identifier: EUPL-1.2
"""The base of every form people fill in: labels without Django's trailing colon, and free text
written in the direction the writer writes in (`dir="auto"`): an applicant may write in Arabic to
a caseworker whose pages are Swedish, or the other way round."""

from datetime import date
from typing import Any

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
