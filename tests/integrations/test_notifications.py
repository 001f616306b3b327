"""Notices leave through the task queue: with the write that caused them, or not at all."""

import logging
import smtplib
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bistand.integrations.notifications import sms
from bistand.integrations.notifications.base import SmsGateway
from bistand.integrations.notifications.services import notification_schedule
from bistand.people.models import Person
from tests.factories import World, notices_cleared, person_make


class GatewayDown(SmsGateway):
    def send(self, *, to: str, text: str) -> None:
        raise TimeoutError("the SMS gateway does not answer")


def _person(world: World, **changes: str) -> Person:
    person = person_make(acted_by=world.caseworker_a)
    for name, value in changes.items():
        setattr(person, name, value)
    person.save()
    notices_cleared()
    return person


@pytest.mark.django_db
def test_a_notice_rolled_back_with_its_write_never_leaves(world: World, task_worker) -> None:  # type: ignore[no-untyped-def]
    person = _person(world)

    def write_that_fails() -> None:
        with transaction.atomic():
            notification_schedule(person=person)
            raise RuntimeError("the write that caused the notice failed")

    with pytest.raises(RuntimeError):
        write_that_fails()
    assert not DBTaskResult.objects.exists()
    task_worker()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_person_with_no_address_gets_nothing_queued(world: World) -> None:
    person = _person(world, email="", phone="")
    notification_schedule(person=person)
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
@time_machine.travel("2026-11-05 10:00 +0100", tick=False)
def test_a_failing_sms_gateway_is_tried_again_alone_until_the_last_attempt(
    world: World,
    settings,  # type: ignore[no-untyped-def]
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    settings.USE_SMS = True
    settings.BISTAND_SMS_BACKEND = f"{__name__}.GatewayDown"
    settings.BISTAND_NOTIFICATION_ATTEMPTS = 2
    person = _person(world)

    notification_schedule(person=person)
    task_worker()

    # The e-mail left once; only the SMS is queued again, five minutes on.
    assert [sent.to for sent in mail.outbox] == [[person.email]]
    tasks = {len(task.args_kwargs["args"]): task for task in DBTaskResult.objects.all()}
    first, retry = tasks[2], tasks[3]  # the retry carries its attempt number
    assert first.status == TaskResultStatus.FAILED
    assert "sms failed on attempt 1" in first.exception_class_path + first.traceback
    assert retry.args_kwargs["args"] == [str(person.pk), ["sms"], 2]
    assert retry.run_after == timezone.now() + timedelta(seconds=300)

    with time_machine.travel("2026-11-05 10:05 +0100", tick=False):
        task_worker()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.FAILED
    assert DBTaskResult.objects.count() == 2  # the last attempt queues nothing more
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_sms_says_only_that_something_is_waiting(
    world: World,
    settings,  # type: ignore[no-untyped-def]
    task_worker,  # type: ignore[no-untyped-def]
) -> None:
    settings.USE_SMS = True
    person = _person(world)
    sms.SENT.clear()
    notification_schedule(person=person)
    task_worker()
    ((to, text),) = sms.SENT
    assert to == person.phone
    assert "Logga in för att läsa" in text
    assert person.last_name not in text


@pytest.mark.django_db
def test_a_notice_to_a_person_since_disposed_of_is_dropped(world: World, task_worker) -> None:  # type: ignore[no-untyped-def]
    person = _person(world)
    notification_schedule(person=person)
    Person.objects.filter(pk=person.pk).delete()
    task_worker()
    (done,) = DBTaskResult.objects.all()
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_address_removed_before_the_worker_runs_is_not_tried(world: World, task_worker) -> None:  # type: ignore[no-untyped-def]
    person = _person(world)
    notification_schedule(person=person)
    person.email = ""
    person.save()
    task_worker()
    (done,) = DBTaskResult.objects.all()
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert mail.outbox == []


class MailServerRefusesTheAddress(BaseEmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        to = email_messages[0].to[0]
        raise smtplib.SMTPRecipientsRefused({to: (550, f"5.1.1 <{to}>: unknown".encode())})


class GatewayRefusesTheNumber(SmsGateway):
    def send(self, *, to: str, text: str) -> None:
        raise ValueError(f"the gateway refused {to}")


@pytest.mark.django_db
def test_a_refused_notice_leaves_no_address_in_the_log_or_the_queue(
    world: World,
    settings,  # type: ignore[no-untyped-def]
    task_worker,  # type: ignore[no-untyped-def]
    caplog,  # type: ignore[no-untyped-def]
) -> None:
    # That someone is written to by social services is itself confidential: the address must
    # not reach the application log or the task table, whatever the mail server says.
    settings.EMAIL_BACKEND = f"{__name__}.MailServerRefusesTheAddress"
    settings.USE_SMS = True
    settings.BISTAND_SMS_BACKEND = f"{__name__}.GatewayRefusesTheNumber"
    person = _person(world)
    notification_schedule(person=person)
    with caplog.at_level(logging.INFO):
        task_worker()
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    logged = "\n".join(
        record.getMessage()
        + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")
        for record in caplog.records
    )
    assert "notice by email" in logged
    assert "SMTPRecipientsRefused" in logged  # what went wrong is still there for the operator
    assert "ValueError" in logged
    for written in (logged, failed.traceback, failed.exception_class_path):
        assert person.email not in written
        assert person.phone not in written
