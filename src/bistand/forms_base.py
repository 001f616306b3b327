# SPDX-License-Identifier: EUPL-1.2
"""The base of every form people fill in: labels without Django's trailing colon."""

from typing import Any

from django import forms


class PlainForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
