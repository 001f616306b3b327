"""Every demo user follows every link their pages give them, from the start page on, as someone
trying `make run` would: no page fails, and no link leads to a page that answers "not found" or
"forbidden". Applicants go through twice, in Swedish and in Arabic.

Only links (GET) are followed; forms are driven by the tests of each feature. The Django admin
is left out: its pages are Django's own."""

from datetime import date

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from bistand.accounts.models import Role, User
from bistand.demo.builder import demo_data_load
from tests.demo.crawl import crawl, get_form_fields
from tests.factories import client_for


@pytest.mark.django_db
@time_machine.travel("2026-11-23 09:00 +0100", tick=False)
def test_every_demo_user_reaches_their_pages_through_links_that_all_work() -> None:
    demo_data_load(today=date(2026, 11, 23))
    reached: dict[str, int] = {}
    broken: list[tuple[str, str, int, str]] = []
    for user in User.objects.exclude(role=Role.ADMINISTRATOR).order_by("username"):
        languages = ["sv", "ar"] if user.role == Role.APPLICANT else ["sv"]
        for language in languages:
            client = client_for(user, Client(raise_request_exception=False))
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            who = f"{user.person.first_name if user.person else user.username} {language}"
            pages, failed = crawl(client)
            assert f'lang="{language}"' in client.get("/", follow=True).content.decode(), who
            reached[who] = len(pages)
            broken += [(who, *failure) for failure in failed]
    assert broken == []
    # The crawl went somewhere: every role past its start page (the analyst's are three pages,
    # the rest files), and Amina to her case, decision, messages and next month's application.
    assert min(reached.values()) >= 3, reached
    assert reached["handlaggare.rinkeby sv"] >= 35, reached
    assert reached["Amina ar"] >= 8, reached


HOSTILE = ["\x00", "9" * 20, "-5", "x" * 3000]  # a NUL, too large, negative, too long


@pytest.mark.django_db
@time_machine.travel("2026-11-23 09:00 +0100", tick=False)
def test_every_filter_and_search_answers_a_hostile_value_without_failing() -> None:
    """Each form sent with GET, on every page the demo's staff reach, gets values no list
    offers (typed into the address, or a link gone stale): the page answers, never an error."""
    demo_data_load(today=date(2026, 11, 23))
    failures: list[tuple[str, str, str, str]] = []
    tried = 0
    for username in ("handlaggare.rinkeby", "chef.rinkeby", "coach.jobbtorg", "analytiker"):
        user = User.objects.get(username=username)
        client = client_for(user, Client(raise_request_exception=False))
        pages, _broken = crawl(client)
        done: set[tuple[str, tuple[str, ...]]] = set()
        for url in pages:
            path = url.split("?")[0]
            for fields in get_form_fields(client.get(url).content.decode()):
                if (path, tuple(fields)) in done:
                    continue
                done.add((path, tuple(fields)))
                for field in fields:
                    for value in HOSTILE:
                        tried += 1
                        if client.get(path, {field: value}).status_code >= 500:
                            failures.append((username, path, field, repr(value[:12])))
    assert failures == []
    assert tried >= 100
