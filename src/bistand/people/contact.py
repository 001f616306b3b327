# SPDX-License-Identifier: EUPL-1.2
"""The person's own e-mail address and mobile number for the notices, confirmed before use.

A notice says only that something is waiting in Bistånd, but that alone tells its reader that
someone has a case with social services. An address the applicant types (and may mistype) is
therefore used only after they have written back a code sent to it (ADR 0019). Until then the
notices keep going where they went before, if anywhere. Removing an address needs no code."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from bistand.accounts.models import User
from bistand.audit.services import access_log_write
from bistand.people.models import ContactChannel, ContactConfirmation, Person

CODE_DIGITS = 6
FIELD = {ContactChannel.EMAIL: "email", ContactChannel.SMS: "phone"}


def confirmation_code(confirmation: ContactConfirmation) -> str:
    """Six digits derived from the row and the secret key, so that no code is ever stored."""
    message = f"{confirmation.pk}|{confirmation.address}|{confirmation.created_at.isoformat()}"
    number = int(salted_hmac("bistand.contact-code", message).hexdigest(), 16)
    return f"{number % 10**CODE_DIGITS:0{CODE_DIGITS}d}"


def code_valid_until(confirmation: ContactConfirmation) -> datetime:
    return confirmation.created_at + timedelta(minutes=settings.BISTAND_CONTACT_CODE_MINUTES)


def channels_confirmed() -> list[ContactChannel]:
    """The channels whose addresses need a code: SMS only where the municipality sends SMS. A
    mobile number that no notice goes to is only for the caseworker to call, and is kept as
    written."""
    return [ContactChannel.EMAIL, *([ContactChannel.SMS] if settings.USE_SMS else [])]


def confirmation_waiting(person: Person, channel: ContactChannel) -> ContactConfirmation | None:
    """The address of this channel the person gave and has not confirmed, whether or not its code
    still holds (it may have run out, or too many wrong codes were written)."""
    latest = (
        ContactConfirmation.objects.filter(person=person, channel=channel)
        .order_by("-created_at")
        .first()
    )
    if latest is None or latest.confirmed_at or latest.given_up_at:
        return None
    return latest


def code_holds(confirmation: ContactConfirmation) -> bool:
    """Its code can still be written back: in time, and not too many wrong ones."""
    return (
        confirmation.wrong_codes < settings.BISTAND_CONTACT_CODE_TRIES
        and timezone.now() < code_valid_until(confirmation)
    )


def confirmation_pending(person: Person, channel: ContactChannel) -> ContactConfirmation | None:
    """The address waiting for its code, if its code still holds."""
    waiting = confirmation_waiting(person, channel)
    return waiting if waiting is not None and code_holds(waiting) else None


def confirmations_waiting(person: Person) -> dict[ContactChannel, ContactConfirmation]:
    return {
        channel: waiting
        for channel in channels_confirmed()
        if (waiting := confirmation_waiting(person, channel)) is not None
    }


class CodeRefusedError(Exception):
    """No code can be sent now: too soon after the last one, or too many today."""

    def __init__(self, channel: ContactChannel, *, too_soon: bool) -> None:
        super().__init__(channel)
        self.channel = channel
        self.too_soon = too_soon


def _give_up(person: Person, channel: ContactChannel, now: datetime) -> None:
    ContactConfirmation.objects.filter(
        person=person, channel=channel, confirmed_at=None, given_up_at=None
    ).update(given_up_at=now)


def _code_send(person: Person, channel: ContactChannel, address: str) -> ContactConfirmation:
    """A new code for `address`, queued to be sent in this transaction; the older one ends."""
    from bistand.integrations.notifications.tasks import contact_code_send  # tasks import people

    now = timezone.now()
    mine = ContactConfirmation.objects.filter(person=person, channel=channel)
    # Rows older than a day count for no limit: the addresses in them (mistyped ones, too) go.
    mine.filter(created_at__lte=now - timedelta(days=1)).delete()
    sent = mine.filter(created_at__gt=now - timedelta(days=1)).order_by("-created_at")
    last = sent.first()
    resend_after = timedelta(seconds=settings.BISTAND_CONTACT_CODE_RESEND_SECONDS)
    if last is not None and last.address == address and now - last.created_at < resend_after:
        raise CodeRefusedError(channel, too_soon=True)
    if sent.count() >= settings.BISTAND_CONTACT_CODES_PER_DAY:
        raise CodeRefusedError(channel, too_soon=False)
    _give_up(person, channel, now)
    confirmation = ContactConfirmation.objects.create(
        person=person, channel=channel, address=address, created_at=now
    )
    contact_code_send.enqueue(str(confirmation.pk))
    return confirmation


def _one_at_a_time(person: Person) -> None:
    """Lock the person's row until the transaction ends: a form sent twice at once (a double
    click) then sees what the first made, and sends one code, not two."""
    Person.objects.select_for_update().filter(pk=person.pk).values_list("pk").get()


def _log(user: User, person: Person, changes: dict[str, str]) -> None:
    """What happened to which field, never the address."""
    access_log_write(
        user=user, object_type="person", object_id=person.pk, before=None, after=changes
    )


@transaction.atomic
def person_contact_update(*, person: Person, email: str, phone: str, acted_by: User) -> Person:
    """Take the person's e-mail address and mobile number as they wrote them. A removed address
    goes at once; a new one waits for its code (and the old one serves until then); one written
    back as it is cancels a change that waits. Raises CodeRefusedError, with nothing saved, when
    a code cannot be sent now."""
    _one_at_a_time(person)
    confirmed = channels_confirmed()
    changes: dict[str, str] = {}
    saved: list[str] = []  # the fields written to the person now, without a code
    now = timezone.now()
    for channel, new in ((ContactChannel.EMAIL, email), (ContactChannel.SMS, phone)):
        field = FIELD[channel]
        old = getattr(person, field)
        waiting = confirmation_waiting(person, channel) if channel in confirmed else None
        if new == old:
            if waiting is not None:
                _give_up(person, channel, now)
                changes[field] = "change cancelled"
            continue
        if not new or channel not in confirmed:
            _give_up(person, channel, now)
            setattr(person, field, new)
            saved.append(field)
            changes[field] = "removed" if not new else "changed"
        elif waiting is None or waiting.address != new:
            _code_send(person, channel, new)
            changes[field] = "code sent"
    if saved:
        person.save(update_fields=[*saved, "updated_at"])
    if changes:
        _log(acted_by, person, changes)
    return person


@transaction.atomic
def contact_code_resend(*, person: Person, channel: ContactChannel, acted_by: User) -> None:
    """A new code to the address that waits (raises CodeRefusedError when it cannot go now)."""
    _one_at_a_time(person)
    waiting = confirmation_waiting(person, channel)
    if waiting is None:
        return  # nothing waits for a code
    _code_send(person, channel, waiting.address)
    _log(acted_by, person, {FIELD[channel]: "code sent again"})


@transaction.atomic
def contact_change_cancel(*, person: Person, channel: ContactChannel, acted_by: User) -> None:
    """The person keeps the address they had: the one that waits is dropped."""
    if confirmation_waiting(person, channel) is not None:
        _give_up(person, channel, timezone.now())
        _log(acted_by, person, {FIELD[channel]: "change cancelled"})


class Confirmed(StrEnum):
    YES = "yes"
    WRONG = "wrong"  # try again
    ENDED = "ended"  # no code holds: run out, too many wrong ones, or none sent


@dataclass(frozen=True)
class ConfirmationOutcome:
    result: Confirmed
    tries_left: int = 0


@transaction.atomic
def contact_confirm(
    *, person: Person, channel: ContactChannel, code: str, acted_by: User
) -> ConfirmationOutcome:
    """The code written back: right, the address is the person's from now on; wrong, one try
    fewer, and none after BISTAND_CONTACT_CODE_TRIES (then a new code is needed)."""
    _one_at_a_time(person)  # tries made at the same time are counted one by one
    pending = confirmation_pending(person, channel)
    if pending is None:
        return ConfirmationOutcome(Confirmed.ENDED)
    now = timezone.now()
    tries = settings.BISTAND_CONTACT_CODE_TRIES
    if not constant_time_compare(code, confirmation_code(pending)):
        wrong = pending.wrong_codes + 1
        ContactConfirmation.objects.filter(pk=pending.pk).update(wrong_codes=wrong)
        _log(acted_by, person, {FIELD[channel]: "wrong code"})
        if wrong >= tries:
            return ConfirmationOutcome(Confirmed.ENDED)
        return ConfirmationOutcome(Confirmed.WRONG, tries_left=tries - wrong)
    pending.confirmed_at = now
    pending.save(update_fields=["confirmed_at"])
    field = FIELD[channel]
    setattr(person, field, pending.address)
    person.save(update_fields=[field, "updated_at"])
    _log(acted_by, person, {field: "confirmed"})
    return ConfirmationOutcome(Confirmed.YES)
