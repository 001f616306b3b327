"""The applicant's way through the e-service, as a browser posts it: shared by the tests that
walk a first application to the send button."""

import re
import uuid
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from bistand.accounts.models import User
from bistand.accounts.services import applicant_user_for_identity_number
from bistand.applications.models import Application
from bistand.people.identity_numbers import compose_identity_number
from tests.factories import pdf_bytes

FIRST_STEPS = {
    "household": {},  # filled per test (partner, children)
    "housing": {
        "housing_type": "rental",
        "housing": "7 200",
        "household_electricity": "300",
        "home_insurance": "150,50",
    },
    "incomes": {"employment": "4000", "child_allowance": "1250"},
    "assets": {"bank_balance": "800"},
    "work": {
        "support_barrier": "unemployed_registered",
        "support_barrier_text": "Jag söker jobb som undersköterska.",
        "registered_at_employment_service": "on",
    },
    "needs": {"other_needs": ""},
}


def new_applicant(day: int, birth_number: int = 982) -> User:
    number = compose_identity_number(date(1990, 5, day), birth_number)
    return applicant_user_for_identity_number(
        identity_number=number, first_name="Ny", last_name="Sökande"
    )


def children_posted(*numbers: str) -> dict[str, str]:
    data = {
        "children-TOTAL_FORMS": str(len(numbers)),
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "0",
        "children-MAX_NUM_FORMS": "12",
    }
    for index, number in enumerate(numbers):
        data[f"children-{index}-first_name"] = f"Barn{index}"
        data[f"children-{index}-identity_number"] = number
        data[f"children-{index}-lunch_at_home"] = "on"
    return data


def walk_first_application(
    client: Client, household: dict[str, str], steps: dict[str, dict[str, Any]] | None = None
) -> Application:
    response = client.post(reverse("applications:start"))
    application = Application.objects.get(pk=response["Location"].split("/")[3])
    assert response["Location"].endswith("/step/household/")
    for step, data in {**(steps or FIRST_STEPS), "household": household}.items():
        url = reverse("applications:step", kwargs={"application_id": application.pk, "step": step})
        response = client.post(url, data)
        assert response.status_code == 302, (step, response.content.decode()[-2000:])
    documents = reverse("applications:documents", kwargs={"application_id": application.pk})
    client.post(documents, {"kind": "rent", "file": SimpleUploadedFile("hyra.pdf", pdf_bytes())})
    client.post(documents, {"continue": "1"})
    consent = reverse(
        "applications:step", kwargs={"application_id": application.pk, "step": "consent"}
    )
    assert client.post(consent, {"truthful": "on", "consent_checks": "on"}).status_code == 302
    return application


def send(client: Client, application: Application, key: uuid.UUID | None = None):  # type: ignore[no-untyped-def]
    send = reverse("applications:send", kwargs={"application_id": application.pk})
    if key is None:
        page = client.get(send).content.decode()
        found = re.search(r'name="submission_key" value="([0-9a-f-]+)"', page)
        assert found is not None
        key = uuid.UUID(found.group(1))
    return client.post(send, {"submission_key": str(key)})
