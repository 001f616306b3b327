# SPDX-License-Identifier: EUPL-1.2
"""Handing one notice to one channel: the mail server or the SMS gateway."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from bistand.integrations.notifications.base import SmsGateway
from bistand.people.models import ContactChannel, ContactConfirmation, Person


def notification_text() -> str:
    return _(
        "Something new is waiting for you in Bistånd, the e-service for economic aid. "
        "Log in to read it."
    )


def notification_channels(person: Person) -> list[ContactChannel]:
    """The channels the person can be reached on, e-mail first."""
    channels = [ContactChannel.EMAIL] if person.email else []
    if settings.USE_SMS and person.phone:
        channels.append(ContactChannel.SMS)
    return channels


def _send(*, channel: ContactChannel, to: str, subject: str, text: str) -> None:
    """One message on one channel; raises what the mail server or the gateway raises."""
    if channel == ContactChannel.EMAIL:
        send_mail(subject, text, None, [to])
    else:
        gateway: SmsGateway = import_string(settings.BISTAND_SMS_BACKEND)()
        gateway.send(to=to, text=text)


def notification_deliver(*, person: Person, channel: ContactChannel, language: str) -> None:
    """Send the notice now, in `language`; raises what the mail server or gateway raises."""
    with translation.override(language):
        address = person.email if channel == ContactChannel.EMAIL else person.phone
        _send(channel=channel, to=address, subject=_("New in Bistånd"), text=notification_text())


def contact_code_text(code: str, minutes: int) -> str:
    return _(
        "Your code for Bistånd, the e-service for economic aid, is %(code)s. Write it on the page "
        "How we reach you within %(minutes)d minutes. If you did not ask for it, ignore this "
        "message: nothing more will be sent to you."
    ) % {"code": code, "minutes": minutes}


def contact_code_deliver(
    *, confirmation: ContactConfirmation, code: str, minutes: int, language: str
) -> None:
    """Send the code to the address that waits for it; raises what the channel raises."""
    with translation.override(language):
        _send(
            channel=ContactChannel(confirmation.channel),
            to=confirmation.address,
            subject=_("Your code for Bistånd"),
            text=contact_code_text(code, minutes),
        )
