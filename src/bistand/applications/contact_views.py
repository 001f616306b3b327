# SPDX-License-Identifier: EUPL-1.2
"""How the notices reach the applicant: their e-mail address and mobile number, each confirmed
with a code before any notice goes there (ADR 0019)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bistand.accounts.models import User
from bistand.audit.access import Audience, AuthenticatedRequest, access_checked
from bistand.integrations.notifications.delivery import notification_channels
from bistand.people.contact import (
    FIELD,
    CodeRefusedError,
    Confirmed,
    code_holds,
    code_valid_until,
    confirmations_waiting,
    contact_change_cancel,
    contact_code_resend,
    contact_confirm,
    person_contact_update,
)
from bistand.people.forms import ContactCodeForm, ContactForm
from bistand.people.models import ContactChannel, ContactConfirmation


def notified_by(user: User) -> list[str]:
    """How the notices reach this person, in words: 'e-mail to …', 'SMS to …'."""
    if user.person is None:
        return []
    words = {
        ContactChannel.EMAIL: _("e-mail to %(address)s"),
        ContactChannel.SMS: _("SMS to %(address)s"),
    }
    person = user.person
    return [
        words[channel] % {"address": getattr(person, FIELD[channel])}
        for channel in notification_channels(person)
    ]


def contact_waiting(user: User) -> list[str]:
    """The addresses the person gave that wait for their code, for My case."""
    if user.person is None:
        return []
    return [waiting.address for waiting in confirmations_waiting(user.person).values()]


def _refusal(refused: CodeRefusedError) -> str:
    if refused.too_soon:
        return _("A code was sent less than a minute ago. Wait for it, then try again.")
    return _("We have sent as many codes as we can today. Try again tomorrow.")


def _wrong_code(tries_left: int) -> str:
    return ngettext(
        "The code is not right. Check the message and try again: %(count)d try left.",
        "The code is not right. Check the message and try again: %(count)d tries left.",
        tries_left,
    ) % {"count": tries_left}


def _channel(
    request: AuthenticatedRequest, waiting: dict[ContactChannel, Any]
) -> ContactChannel | None:
    """The channel a code form was sent for, if an address on it still waits for its code."""
    value = request.POST.get("channel", "")
    if value not in ContactChannel.values or ContactChannel(value) not in waiting:
        return None
    return ContactChannel(value)


@access_checked(audience=Audience.APPLICANT, object_type="my_contact")
def my_contact(request: AuthenticatedRequest, _obj: None) -> HttpResponse:
    """The applicant's own e-mail address and mobile number, for the notices; and the codes that
    confirm a new one."""
    person = request.user.person
    if person is None:
        raise Http404
    waiting = confirmations_waiting(person)
    # The form shows what the person wrote last, even while it waits for its code.
    initial = {field: getattr(person, field) for field in FIELD.values()}
    initial |= {FIELD[channel]: row.address for channel, row in waiting.items()}
    contact_form = ContactForm(initial=initial)
    code_forms = {channel: ContactCodeForm(channel=channel) for channel in waiting}
    failed: Any = None
    status = 200
    action = request.POST.get("action", "save") if request.method == "POST" else ""
    if action == "save":
        contact_form = ContactForm(request.POST, initial=initial)
        if contact_form.is_valid():
            try:
                person_contact_update(
                    person=person,
                    email=contact_form.cleaned_data["email"],
                    phone=contact_form.cleaned_data["phone"],
                    acted_by=request.user,
                )
            except CodeRefusedError as refused:
                contact_form.add_error(FIELD[refused.channel], _refusal(refused))
            else:
                if confirmations_waiting(person):
                    messages.success(request, _("Saved. Write the code we sent to confirm it."))
                    return redirect("applications:contact")
                messages.success(request, _("Saved. This is how we reach you from now on."))
                return redirect("applications:my-case")
        failed = contact_form
    elif action not in ("confirm", "resend", "cancel"):
        if request.method == "POST":
            raise Http404
    elif (channel := _channel(request, waiting)) is None:
        # Confirmed or cancelled meanwhile, in another tab for example.
        messages.info(request, _("No address waits for a code any more."))
        return redirect("applications:contact")
    elif action == "confirm":
        form = code_forms[channel] = ContactCodeForm(request.POST, channel=channel)
        if form.is_valid():
            outcome = contact_confirm(
                person=person,
                channel=channel,
                code=form.cleaned_data["code"],
                acted_by=request.user,
            )
            if outcome.result is Confirmed.YES:
                messages.success(request, _("Confirmed. This is how we reach you from now on."))
                return redirect("applications:my-case")
            if outcome.result is Confirmed.WRONG:
                form.add_error("code", _wrong_code(outcome.tries_left))
            else:
                form.add_error("code", _("This code no longer holds. Send a new code."))
            waiting = confirmations_waiting(person)
        failed = form
    elif action == "cancel":
        contact_change_cancel(person=person, channel=channel, acted_by=request.user)
        messages.success(request, _("The change is cancelled. We reach you as before."))
        return redirect("applications:contact")
    else:
        try:
            contact_code_resend(person=person, channel=channel, acted_by=request.user)
        except CodeRefusedError as refused:
            form = code_forms[channel] = ContactCodeForm({}, channel=channel)
            form.is_valid()
            form.errors["code"] = form.error_class([_refusal(refused)])
            failed = form
        else:
            messages.success(request, _("A new code is on its way."))
            return redirect("applications:contact")
    if failed is not None and failed.errors:
        status = 400
    return render(
        request,
        "applications/contact.html",
        {
            "form": contact_form,
            "failed": failed,
            "waiting": [
                _waiting_view(row, code_forms[channel]) for channel, row in waiting.items()
            ],
            "sms_used": settings.USE_SMS,
        },
        status=status,
    )


def _waiting_view(row: ContactConfirmation, form: ContactCodeForm) -> dict[str, Any]:
    return {
        "channel": row.channel,
        "address": row.address,
        "sent_at": row.created_at,
        "valid_until": code_valid_until(row),
        "holds": code_holds(row),
        "form": form,
    }
