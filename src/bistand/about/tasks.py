# SPDX-License-Identifier: EUPL-1.2
"""The accessibility contact is told that a report has come in (ADR 0035)."""

from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from bistand.organisations.models import Municipality


def report_notice_text() -> str:
    return _(
        "Someone has reported an accessibility problem in Bistånd, or asked for content in an "
        "accessible form. Read the report under Accessibility reports in Bistånd's "
        "administration, and mark it handled there when it has been answered."
    )


@task()
def accessibility_report_notify(municipality_id: int) -> None:
    """Send the notice, in Swedish, to the municipality's accessibility contact. What was
    reported stays in Bistånd: it may hold the sender's address and words about their needs.
    A mail server that refuses fails the task, which the worker logs; the report itself is
    already saved and listed in the administration."""
    municipality = Municipality.objects.filter(pk=municipality_id).first()
    if municipality is None or not municipality.accessibility_contact_email:
        return
    with translation.override("sv"):
        send_mail(
            _("New accessibility report in Bistånd"),
            report_notice_text(),
            None,
            [municipality.accessibility_contact_email],
        )
