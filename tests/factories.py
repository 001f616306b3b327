"""Builders for test worlds: units, staff of every role, cases, referrals."""

import io
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from itertools import count
from typing import Any

from django.core import mail
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult
from pypdf import PdfWriter

from bistand.accounts.models import Role, User
from bistand.accounts.unsent import WRITER_COOKIE, writer_mark
from bistand.applications.models import (
    Application,
    ApplicationKind,
    ApplicationStatus,
    Attachment,
)
from bistand.applications.services import attachment_add
from bistand.cases.models import Case, Relation
from bistand.cases.services import case_open
from bistand.decisions.models import Decision
from bistand.labour.models import (
    Referral,
    SpecialSupportApplication,
    SpecialSupportTargetGroup,
    WorkCapacity,
)
from bistand.labour.services import referral_send, work_capacity_record
from bistand.organisations.models import Committee, CommitteeKind, Municipality, Unit, UnitKind
from bistand.payments.models import PaymentRun
from bistand.payments.services import payment_run_prepare
from bistand.people.identity_numbers import compose_identity_number
from bistand.people.models import Person, ProtectedIdentity
from bistand.people.services import person_create
from bistand.recoveries.models import Receivable
from bistand.recoveries.services import recovery_open

_serial = count(1)
PASSWORD = "correct horse battery staple"


def unit_create(
    *,
    committee_name: str,
    kind: UnitKind = UnitKind.ECONOMIC_AID,
    committee_kind: CommitteeKind = CommitteeKind.DISTRICT,
) -> Unit:
    municipality, _ = Municipality.objects.get_or_create(
        code="9998", defaults={"name": "Testkommun"}
    )
    committee, _ = Committee.objects.get_or_create(
        municipality=municipality, name=committee_name, defaults={"kind": committee_kind}
    )
    return Unit.objects.create(committee=committee, kind=kind, name=f"{kind.label} {next(_serial)}")


def user_create(
    *,
    role: Role,
    units: list[Unit] = (),
    superuser: bool = False,  # type: ignore[assignment]
    person: Person | None = None,
    username: str | None = None,
) -> User:
    user = User(
        username=username or f"{role}-{next(_serial)}",
        role=role,
        person=person,
        is_staff=role == Role.ADMINISTRATOR or superuser,
        is_superuser=superuser,
    )
    user.set_password(PASSWORD)
    user.save()
    user.units.set(units)
    return user


def person_make(
    *,
    acted_by: User,
    protected: ProtectedIdentity = ProtectedIdentity.NONE,
    born: date = date(1990, 1, 1),
    address: str = "Testvägen 1",
) -> Person:
    serial = next(_serial)
    number = compose_identity_number(
        date(born.year, born.month, 1 + serial % 28), 980 + serial % 20
    )
    return person_create(
        identity_number=number,
        first_name=f"Förnamn{serial}",
        last_name=f"Efternamn{serial}",
        address_line=address,
        postal_code="111 11",
        city="Teststad",
        phone=f"070-{serial:07d}",
        email=f"p{serial}@example.se",
        protected_identity=protected,
        acted_by=acted_by,
    )


def case_make(*, unit: Unit, acted_by: User, members: list[tuple[Person, Relation]]) -> Case:
    return case_open(unit=unit, household=members, opened_on=date(2026, 1, 5), acted_by=acted_by)


def otp_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def client_for(user: User, client: Client | None = None) -> Client:
    """A client logged in the way staff are: password and a verified second factor. Given a
    `client`, the login happens in its own session, as a login after the session ran out does:
    Django keeps the anonymous session's data under a new key."""
    client = client or Client()
    client.force_login(user)
    # What each login view leaves on the device (accounts.views.device_at_login); the real logins
    # are driven in tests/accounts/test_unsent_form.py.
    client.cookies[WRITER_COOKIE] = writer_mark(user)
    if user.role != Role.APPLICANT:
        device = TOTPDevice.objects.filter(user=user).first() or otp_device(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


@dataclass
class World:
    unit_a: Unit
    unit_b: Unit
    jobbtorg: Unit
    caseworker_a: User
    caseworker_b: User
    manager_a: User
    coach: User
    analyst: User
    administrator: User
    superuser: User
    applicant: User
    person_a: Person
    person_b: Person
    protected_person: Person
    case_a: Case
    case_b: Case
    draft_a: Application  # person_a's draft for next month (not yet visible to staff)
    sent_a: Application  # person_a's received application in case_a
    sent_b: Application
    attachment_a: Attachment
    attachment_b: Attachment
    decision_a: Decision
    decision_b: Decision
    applicant_b: User
    manager_b: User
    referral_a: Referral
    referral_b: Referral
    special_support_a: SpecialSupportApplication
    special_support_b: SpecialSupportApplication
    run_a: PaymentRun
    run_b: PaymentRun


def receivable_make(world: "World") -> Receivable:
    """1 000 kr to be repaid in case_a: its decision's payment, with its reason."""
    return recovery_open(
        order=world.decision_a.payment_order,
        amount=Decimal(1000),
        reason="Lön uppgavs inte.",
        paid_out_on=date(2026, 1, 25),
        acted_by=world.caseworker_a,
    )


def pdf_bytes(pages: int = 1, *, password: str | None = None) -> bytes:
    """A PDF of blank A4 pages. With `password`, locked with AES as a bank locks a statement:
    "" locks it only against changes (it opens without a password), any other against reading."""
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="banken", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def application_make(
    *,
    person: Person,
    case: Case | None,
    month: date,
    status: ApplicationStatus = ApplicationStatus.RECEIVED,
) -> Application:
    municipality = case.unit.committee.municipality if case else Municipality.objects.first()
    assert municipality is not None
    return Application.objects.create(
        kind=ApplicationKind.FIRST,
        applicant=person,
        case=case,
        municipality=municipality,
        month=month,
        status=status,
    )


def decision_for(application: Application, caseworker: User) -> Decision:
    """A granted decision on the amounts applied for (none here: the norm alone)."""
    from bistand.decisions.calculation_input import applied_amounts
    from bistand.decisions.services import decision_make

    return decision_make(
        application=application,
        approved=applied_amounts(application),
        reasoning="",
        approval_reason="",
        reduction=None,
        acted_by=caseworker,
    )


MUNICIPALITY_IBAN = "SE4550000000058398257466"
PERSON_IBAN = "SE3550000000054910000003"


def world_create() -> World:
    unit_a = unit_create(committee_name="Rinkeby-Kista stadsdelsnämnd")
    unit_b = unit_create(committee_name="Skärholmen stadsdelsnämnd")
    jobbtorg = unit_create(
        committee_name="Arbetsmarknadsnämnden",
        kind=UnitKind.JOBBTORG,
        committee_kind=CommitteeKind.LABOUR_MARKET,
    )
    caseworker_a = user_create(role=Role.CASEWORKER, units=[unit_a])
    caseworker_b = user_create(role=Role.CASEWORKER, units=[unit_b])
    person_a = person_make(acted_by=caseworker_a)
    protected = person_make(
        acted_by=caseworker_a,
        protected=ProtectedIdentity.PROTECTED_REGISTRATION,
        address="Hemligagatan 77",
    )
    person_b = person_make(acted_by=caseworker_b)
    case_a = case_make(
        unit=unit_a,
        acted_by=caseworker_a,
        members=[(person_a, Relation.APPLICANT), (protected, Relation.PARTNER)],
    )
    case_b = case_make(unit=unit_b, acted_by=caseworker_b, members=[(person_b, Relation.APPLICANT)])
    work_capacity_record(
        case=case_a,
        person=person_a,
        level=WorkCapacity.FULL,
        percentage=None,
        basis="caseworker",
        assessed_on=case_a.opened_on,
        persons_view="",
        acted_by=caseworker_a,
    )
    referral_a = referral_send(
        case=case_a, person=person_a, to_unit=jobbtorg, reason="", acted_by=caseworker_a
    )
    # Another labour-market unit, with a referral and an application the coach must not see.
    resurs = unit_create(
        committee_name="Arbetsmarknadsnämnden",
        kind=UnitKind.JOBBTORG_RESURS,
        committee_kind=CommitteeKind.LABOUR_MARKET,
    )
    work_capacity_record(
        case=case_b,
        person=person_b,
        level=WorkCapacity.PARTLY_REDUCED,
        percentage=50,
        basis="medical_certificate",
        assessed_on=case_b.opened_on,
        persons_view="",
        acted_by=caseworker_b,
    )
    referral_b = referral_send(
        case=case_b, person=person_b, to_unit=resurs, reason="", acted_by=caseworker_b
    )
    applicant = user_create(role=Role.APPLICANT, person=person_a)
    user_b = user_create(role=Role.APPLICANT, person=person_b)
    sent_a = application_make(person=person_a, case=case_a, month=date(2026, 1, 1))
    sent_b = application_make(person=person_b, case=case_b, month=date(2026, 1, 1))
    draft_a = application_make(
        person=person_a, case=None, month=date(2026, 2, 1), status=ApplicationStatus.DRAFT
    )
    Municipality.objects.filter(pk=unit_a.committee.municipality_id).update(
        intake_unit=unit_a, payment_iban=MUNICIPALITY_IBAN, payment_bic="ESSESESS"
    )
    Person.objects.filter(pk__in=[person_a.pk, person_b.pk]).update(iban=PERSON_IBAN)
    decision_a, decision_b = decision_for(sent_a, caseworker_a), decision_for(sent_b, caseworker_b)
    run_a = payment_run_prepare(
        unit=unit_a, execution_date=date(2026, 1, 25), prepared_by=caseworker_a
    )
    run_b = payment_run_prepare(
        unit=unit_b, execution_date=date(2026, 1, 25), prepared_by=caseworker_b
    )
    return World(
        unit_a=unit_a,
        unit_b=unit_b,
        jobbtorg=jobbtorg,
        caseworker_a=caseworker_a,
        caseworker_b=caseworker_b,
        manager_a=user_create(role=Role.UNIT_MANAGER, units=[unit_a]),
        coach=user_create(role=Role.COACH, units=[jobbtorg]),
        analyst=user_create(role=Role.ANALYST),
        administrator=user_create(role=Role.ADMINISTRATOR),
        superuser=user_create(role=Role.ADMINISTRATOR, superuser=True),
        applicant=applicant,
        person_a=person_a,
        person_b=person_b,
        protected_person=protected,
        case_a=case_a,
        case_b=case_b,
        draft_a=draft_a,
        sent_a=sent_a,
        sent_b=sent_b,
        attachment_a=attachment_add(
            application=sent_a,
            content=pdf_bytes(),
            kind="rent",
            original_name="hyra.pdf",
            acted_by=applicant,
        ),
        applicant_b=user_b,
        manager_b=user_create(role=Role.UNIT_MANAGER, units=[unit_b]),
        referral_a=referral_a,
        referral_b=referral_b,
        special_support_a=special_support_make(unit=jobbtorg, acted_by=caseworker_a),
        special_support_b=special_support_make(unit=resurs, acted_by=caseworker_b),
        decision_a=decision_a,
        decision_b=decision_b,
        run_a=run_a,
        run_b=run_b,
        attachment_b=attachment_add(
            application=sent_b,
            content=pdf_bytes(),
            kind="rent",
            original_name="hyra-b.pdf",
            acted_by=user_b,
        ),
    )


def special_support_make(*, unit: Unit, acted_by: User) -> SpecialSupportApplication:
    """An outreach contact's application, registered as it came in (not yet checked)."""
    return SpecialSupportApplication.objects.create(
        unit=unit,
        person=person_make(acted_by=acted_by),
        target_group=SpecialSupportTargetGroup.NEET_YOUTH,
        received_on=date(2026, 3, 2),
        wishes="Hjälp att hitta en utbildning.",
        created_by=acted_by,
    )


def response_close(response: Any) -> None:
    """Close a (file) response as the server would, without closing the test's DB connection."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def notices_cleared() -> None:
    """An empty task queue and outbox: the world's own setting-up queues notices of its own."""
    DBTaskResult.objects.all().delete()
    mail.outbox.clear()


def digits_in_arabic(text: str) -> str:
    """The text with its digits as an Arabic keyboard writes them (٠–٩)."""
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def units_reachable(unit: Unit) -> None:
    """The unit answers the phone on weekdays 09:00–11:30 and has a visiting address; the
    municipality has a social emergency service's number (ADR 0038)."""
    Unit.objects.filter(pk=unit.pk).update(
        phone="08-508 00 010",
        phone_opens=time(9),
        phone_closes=time(11, 30),
        visiting_address="Kistagången 20, Kista",
    )
    Municipality.objects.update(out_of_hours_phone="+46 8 508 00 100")
