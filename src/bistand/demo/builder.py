# SPDX-License-Identifier: EUPL-1.2
"""A fictional municipality for local use and demonstration. Every person is invented.

Identity numbers are built by the check-digit rule with birth numbers 980–999, the range
of Skatteverket's published test series, so that they have a valid format and are meant
never to belong to a real person.
"""

from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from bistand.accounts.models import Role, User
from bistand.cases.models import Case, Relation
from bistand.cases.services import case_open
from bistand.demo.history import demo_history_make
from bistand.followup.refresh import refresh_all
from bistand.labour.models import Provider, WorkCapacity
from bistand.labour.services import referral_send, work_capacity_record
from bistand.organisations.models import Committee, CommitteeKind, Municipality, Unit, UnitKind
from bistand.people.identity_numbers import compose_identity_number
from bistand.people.models import Person, ProtectedIdentity
from bistand.people.services import person_create

DEMO_MUNICIPALITY_CODE = "9999"
DEMO_MUNICIPALITY_IBAN = "SE4550000000058398257466"  # example accounts with valid check digits
DEMO_PERSON_IBAN = "SE3550000000054910000003"
DEMO_PASSWORD = "demo-Bistand-2026"  # noqa: S105 - local demo only, listed in README
DISTRICTS = [("Rinkeby-Kista", "rinkeby"), ("Skärholmen", "skarholmen"), ("Älvsjö", "alvsjo")]


@dataclass(frozen=True)
class DemoMember:
    first_name: str
    last_name: str
    born: date
    relation: Relation
    protected: ProtectedIdentity = ProtectedIdentity.NONE
    born_in_sweden: bool = True


def _household(*members: DemoMember) -> list[DemoMember]:
    return list(members)


A, P, C = Relation.APPLICANT, Relation.PARTNER, Relation.CHILD
HOUSEHOLDS: list[tuple[str, list[DemoMember], str | None]] = [
    # (district key, members, referral to: "jobbtorg" / "resurs" / None)
    (
        "rinkeby",
        _household(
            DemoMember("Amina", "Demosdotter", date(1990, 4, 12), A, born_in_sweden=False),
            DemoMember("Yusuf", "Demosson", date(2015, 9, 3), C),
        ),
        "jobbtorg",
    ),
    (
        "rinkeby",
        _household(
            DemoMember("Karl", "Testsson", date(1978, 1, 23), A),
            DemoMember("Lena", "Testsson", date(1980, 6, 30), P),
            DemoMember("Elsa", "Testsson", date(2010, 2, 14), C),
            DemoMember("Nils", "Testsson", date(2019, 11, 1), C),
        ),
        "resurs",
    ),
    (
        "rinkeby",
        _household(
            DemoMember(
                "Sara",
                "Skyddad",
                date(1993, 8, 8),
                A,
                protected=ProtectedIdentity.PROTECTED_REGISTRATION,
            )
        ),
        None,
    ),
    (
        "rinkeby",
        _household(DemoMember("Omar", "Exempelsson", date(2003, 3, 17), A, born_in_sweden=False)),
        "jobbtorg",
    ),
    (
        "skarholmen",
        _household(
            DemoMember("Maria", "Provsson", date(1985, 12, 5), A),
            DemoMember("Leo", "Provsson", date(2021, 5, 20), C),
        ),
        None,
    ),
    (
        "skarholmen",
        _household(
            DemoMember("Ali", "Fiktivsson", date(1970, 7, 7), A, born_in_sweden=False),
            DemoMember("Fatima", "Fiktivsson", date(1975, 10, 10), P, born_in_sweden=False),
        ),
        "resurs",
    ),
    ("skarholmen", _household(DemoMember("Johan", "Demo", date(1999, 2, 28), A)), "jobbtorg"),
    ("skarholmen", _household(DemoMember("Eva", "Prov", date(1960, 9, 9), A)), None),
    (
        "alvsjo",
        _household(
            DemoMember("Per", "Påhittad", date(1988, 4, 4), A),
            DemoMember("Anna", "Påhittad", date(1989, 3, 3), P),
            DemoMember("Alva", "Påhittad", date(2012, 12, 12), C),
        ),
        None,
    ),
    (
        "alvsjo",
        _household(DemoMember("Hassan", "Testberg", date(2005, 1, 15), A, born_in_sweden=False)),
        "jobbtorg",
    ),
    (
        "alvsjo",
        _household(
            DemoMember("Lina", "Exempel", date(1995, 6, 6), A),
            DemoMember("Moa", "Exempel", date(2024, 1, 30), C),
        ),
        None,
    ),
    (
        "alvsjo",
        _household(
            DemoMember(
                "Gustav",
                "Fingerad",
                date(1982, 8, 18),
                A,
                protected=ProtectedIdentity.CONFIDENTIALITY_MARKING,
            )
        ),
        None,
    ),
]


WOMEN = frozenset(
    {"Amina", "Lena", "Elsa", "Sara", "Maria", "Fatima", "Eva", "Anna", "Alva", "Lina", "Moa"}
)


def _staff(
    username: str, first: str, last: str, role: Role, units: list[Unit], superuser: bool = False
) -> User:
    user = User(
        username=username,
        first_name=first,
        last_name=last,
        role=role,
        is_staff=role == Role.ADMINISTRATOR,
        is_superuser=superuser,
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    user.units.set(units)
    return user


DEMO_PROVIDERS = (
    ("Komvux Demostad", True),
    ("SFI-skolan Demostad", True),
    ("Demostads praktikplatser", False),
    ("Jobbtorg Stockholm (egen regi)", False),
)


@transaction.atomic
def demo_data_loaded_on() -> date | None:
    """The day the demo was made: its people's accounts are the first."""
    first = User.objects.aggregate(first=Min("date_joined"))["first"]
    return timezone.localdate(first) if first else None


def demo_data_load(*, today: date) -> bool:
    """Load the demo municipality once; returns False when it is already there."""
    if Municipality.objects.filter(code=DEMO_MUNICIPALITY_CODE).exists():
        return False
    municipality = Municipality.objects.create(
        code=DEMO_MUNICIPALITY_CODE,
        name="Demostad",
        guidelines="stockholm",
        payment_iban=DEMO_MUNICIPALITY_IBAN,
        payment_bic="ESSESESS",
        data_protection_officer_email="dataskyddsombud@demostad.example",
        accessibility_contact_email="tillganglighet@demostad.example",
        out_of_hours_phone="08-000 00 100",
    )
    caseworkers: dict[str, User] = {}
    staff: dict[str, tuple[User, User]] = {}
    aid_units: dict[str, Unit] = {}
    for name, key in DISTRICTS:
        committee = Committee.objects.create(
            municipality=municipality, kind=CommitteeKind.DISTRICT, name=f"{name} stadsdelsnämnd"
        )
        # Made-up numbers (a Swedish subscriber number never starts with 0) and streets.
        phone = {
            "phone": f"08-000 00 {len(aid_units) + 1:02d}0",
            "phone_opens": time(9),
            "phone_closes": time(11, 30),
        }
        reception = Unit.objects.create(
            committee=committee,
            kind=UnitKind.RECEPTION,
            name="Mottagning ekonomiskt bistånd",
            **phone,
            visiting_address=f"Torget 1, {name}, Demostad",
        )
        aid = Unit.objects.create(
            committee=committee, kind=UnitKind.ECONOMIC_AID, name="Ekonomiskt bistånd", **phone
        )
        Unit.objects.create(committee=committee, kind=UnitKind.WORK_TRAINING, name="Arbetsträning")
        aid_units[key] = aid
        caseworkers[key] = _staff(
            f"handlaggare.{key}", "Handläggare", name, Role.CASEWORKER, [reception, aid]
        )
        manager = _staff(f"chef.{key}", "Enhetschef", name, Role.UNIT_MANAGER, [reception, aid])
        staff[key] = (caseworkers[key], manager)
        if municipality.intake_unit is None:
            # New households applying online start at the first district's reception.
            municipality.intake_unit = reception
            municipality.save(update_fields=["intake_unit"])
    labour = Committee.objects.create(
        municipality=municipality, kind=CommitteeKind.LABOUR_MARKET, name="Arbetsmarknadsnämnden"
    )
    jobbtorg = Unit.objects.create(
        committee=labour, kind=UnitKind.JOBBTORG, name="Jobbtorg Stockholm"
    )
    resurs = Unit.objects.create(
        committee=labour, kind=UnitKind.JOBBTORG_RESURS, name="Jobbtorg Resurs"
    )
    _staff("coach.jobbtorg", "Coach", "Jobbtorg", Role.COACH, [jobbtorg])
    _staff("coach.resurs", "Coach", "Resurs", Role.COACH, [resurs])
    _staff("chef.jobbtorg", "Enhetschef", "Jobbtorg", Role.UNIT_MANAGER, [jobbtorg, resurs])
    for name, education in DEMO_PROVIDERS:
        Provider.objects.create(name=name, is_education=education)
    _staff("analytiker", "Analytiker", "Demostad", Role.ANALYST, [])
    _staff("admin", "Systemförvaltare", "Demostad", Role.ADMINISTRATOR, [], superuser=True)

    serial = 0
    cases: dict[str, Case] = {}
    for district, members, referral_to in HOUSEHOLDS:
        acted_by = caseworkers[district]
        household: list[tuple[Person, Relation]] = []
        for member in members:
            # Birth numbers 980-999; the last digit is even for women, odd for men.
            serial += 1
            birth_number = 980 + (2 * serial) % 20 + (0 if member.first_name in WOMEN else 1)
            number = compose_identity_number(member.born, birth_number)
            person = person_create(
                identity_number=number,
                first_name=member.first_name,
                last_name=member.last_name,
                born_in_sweden=member.born_in_sweden,
                address_line=f"Demogatan {len(household) + 1}",
                postal_code="123 45",
                city="Demostad",
                phone="070-000 00 00",
                protected_identity=member.protected,
                acted_by=acted_by,
            )
            if member.relation != Relation.CHILD:
                person.iban = DEMO_PERSON_IBAN
                person.save(update_fields=["iban"])
            household.append((person, member.relation))
        case = case_open(
            unit=aid_units[district], household=household, opened_on=today, acted_by=acted_by
        )
        cases[members[0].first_name] = case
        if referral_to:
            applicant = household[0][0]
            full = referral_to == "jobbtorg"
            work_capacity_record(
                case=case,
                person=applicant,
                level=WorkCapacity.FULL if full else WorkCapacity.PARTLY_REDUCED,
                percentage=None if full else 50,
                basis="caseworker" if full else "medical_certificate",
                assessed_on=today,
                persons_view="",
                acted_by=acted_by,
            )
            referral_send(
                case=case,
                person=applicant,
                to_unit=jobbtorg if full else resurs,
                reason="",
                acted_by=acted_by,
            )
    demo_history_make(cases=cases, staff=staff, today=today)
    refresh_all()  # the follow-up's summaries from the demo's decisions
    return True
