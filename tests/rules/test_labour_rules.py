"""The labour-market rules as data: the referral path per work capacity and the special support's
target groups, read from the shipped Stockholm overlay."""

from datetime import date
from pathlib import Path

import pytest

from bistand.rules.labour import (
    Ineligibility,
    ReferralPath,
    SpecialSupportApplicant,
    TargetGroup,
    referral_path_proposed,
    special_support_ineligibility,
)
from bistand.rules.parameters_loader import PARAMETERS_DIR, default_rulebook, load_rulebook
from bistand.rules.yaml_strict import ParameterFileError

STOCKHOLM = default_rulebook().municipalities["stockholm"]
DAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("capacity", "path"),
    [
        ("full", ReferralPath.JOBBTORG),
        ("partly_reduced", ReferralPath.JOBBTORG_RESURS),
        ("under_25", ReferralPath.OWN_WORK_TRAINING),
        ("none", ReferralPath.NONE),
    ],
)
def test_stockholm_proposes_the_path_seed_004_describes(capacity: str, path: str) -> None:
    policy = STOCKHOLM.referral_policy.at(DAY)
    assert policy is not None
    assert referral_path_proposed(policy, capacity) == path
    assert "seed 004" in policy.source


def test_an_unknown_path_in_the_file_stops_loading(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "parameters"
    shutil.copytree(PARAMETERS_DIR, root)
    path = root / "municipal" / "stockholm.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "partly_reduced: jobbtorg_resurs", "partly_reduced: somewhere"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ParameterFileError, match="partly_reduced: path must be one of"):
        load_rulebook(root)


def _youth(born: date, **changes: object) -> SpecialSupportApplicant:
    values: dict[str, object] = {
        "birth_date": born,
        "is_woman": False,
        "target_group": TargetGroup.NEET_YOUTH,
        "works_or_studies": False,
        "weak_labour_market_position": False,
        "receives_income_support": False,
    }
    values.update(changes)
    return SpecialSupportApplicant(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("born", "eligible"),
    [
        (date(2007, 11, 22), True),  # 19 today
        (date(2007, 11, 23), False),  # 19 tomorrow
        (date(1997, 11, 23), True),  # 29, turns 30 tomorrow
        (date(1996, 11, 22), False),  # 30 today
    ],
)
def test_young_people_19_to_29_only(born: date, eligible: bool) -> None:
    policy = STOCKHOLM.special_individual_support.at(DAY)
    assert policy is not None
    reasons = special_support_ineligibility(policy, _youth(born), DAY)
    assert (reasons == []) is eligible
    if not eligible:
        assert reasons == [Ineligibility.AGE_OUTSIDE_YOUTH_GROUP]


def test_people_on_income_support_or_in_work_are_outside() -> None:
    policy = STOCKHOLM.special_individual_support.at(DAY)
    assert policy is not None
    young = date(2000, 5, 5)
    assert special_support_ineligibility(
        policy, _youth(young, receives_income_support=True, works_or_studies=True), DAY
    ) == [Ineligibility.RECEIVES_INCOME_SUPPORT, Ineligibility.WORKS_OR_STUDIES]


def test_the_womens_group_needs_a_woman_with_a_described_weak_position() -> None:
    policy = STOCKHOLM.special_individual_support.at(DAY)
    assert policy is not None
    woman = _youth(date(1970, 1, 1), target_group=TargetGroup.WOMEN_WEAK_POSITION, is_woman=True)
    assert special_support_ineligibility(policy, woman, DAY) == [
        Ineligibility.WEAK_POSITION_NOT_ASSESSED
    ]
    described = _youth(
        date(1970, 1, 1),
        target_group=TargetGroup.WOMEN_WEAK_POSITION,
        is_woman=True,
        weak_labour_market_position=True,
    )
    assert special_support_ineligibility(policy, described, DAY) == []  # any age
    man = _youth(
        date(1970, 1, 1),
        target_group=TargetGroup.WOMEN_WEAK_POSITION,
        weak_labour_market_position=True,
    )
    assert special_support_ineligibility(policy, man, DAY) == [Ineligibility.NOT_A_WOMAN]
