# SPDX-License-Identifier: EUPL-1.2
"""The base of every form people fill in: labels without Django's trailing colon."""

from typing import Any

from django import forms


class PlainForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


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
