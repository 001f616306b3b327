# SPDX-License-Identifier: EUPL-1.2
"""Handing one notice to one channel: the mail server or the SMS gateway."""

from enum import StrEnum

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from bistand.integrations.notifications.base import SmsGateway
from bistand.people.models import ContactChannel, ContactConfirmation, Person


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


def notification_text() -> str:
    return _(
        "Something new is waiting for you in Bistånd, the e-service for economic aid. "
        "Log in to read it."
    )


def notification_channels(person: Person) -> list[Channel]:
    """The channels the person can be reached on, e-mail first."""
    channels = [Channel.EMAIL] if person.email else []
    if settings.USE_SMS and person.phone:
        channels.append(Channel.SMS)
    return channels


def notification_deliver(*, person: Person, channel: Channel, language: str) -> None:
    """Send the notice now, in `language`; raises what the mail server or gateway raises."""
    with translation.override(language):
        text = notification_text()
        if channel is Channel.EMAIL:
            send_mail(_("New in Bistånd"), text, None, [person.email])
        else:
            gateway: SmsGateway = import_string(settings.BISTAND_SMS_BACKEND)()
            gateway.send(to=person.phone, text=text)


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
        text = contact_code_text(code, minutes)
        if confirmation.channel == ContactChannel.EMAIL:
            send_mail(_("Your code for Bistånd"), text, None, [confirmation.address])
        else:
            gateway: SmsGateway = import_string(settings.BISTAND_SMS_BACKEND)()
            gateway.send(to=confirmation.address, text=text)
