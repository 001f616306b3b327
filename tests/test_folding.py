"""Names folded for the case search: case, accents, letter marks, hyphens and apostrophes aside."""

import pytest

from bistand.folding import name_folded


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Åsa Öberg", "asa oberg"),
        ("ÅSA ÄNGQVIST", "asa angqvist"),
        ("Nguyễn Văn", "nguyen van"),
        ("José Muñoz", "jose munoz"),
        ("Al-Hassan", "alhassan"),
        ("O\u2019Brien", "obrien"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Đorđević", "dordevic"),
        ("Strauß", "strauss"),
        ("Ærø Sørensen", "aero sorensen"),
        ("  Anna   Maria  ", "anna maria"),
        ("-", ""),
    ],
)
def test_a_name_is_folded_as_people_type_it(written: str, folded: str) -> None:
    assert name_folded(written) == folded


def test_folding_twice_changes_nothing() -> None:
    once = name_folded("Şükrü Ağaoğlu-Çelik")
    assert once == "sukru agaoglucelik"
    assert name_folded(once) == once
