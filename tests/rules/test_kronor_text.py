"""The rules core's own texts write amounts as Swedish and English do."""

import pytest

from bistand.rules.kronor_text import kronor_en, kronor_sv

NB = "\u00a0"


@pytest.mark.parametrize(
    ("ore", "swedish", "english"),
    [
        (1_236_050, f"12{NB}360,50{NB}kr", f"12,360.50{NB}kr"),
        (600_000, f"6{NB}000{NB}kr", f"6,000{NB}kr"),
        (-125_000, f"−1{NB}250{NB}kr", f"−1,250{NB}kr"),
        (5_005, f"50,05{NB}kr", f"50.05{NB}kr"),
        (0, f"0{NB}kr", f"0{NB}kr"),
    ],
)
def test_amounts_in_the_cores_texts(ore: int, swedish: str, english: str) -> None:
    assert kronor_sv(ore) == swedish
    assert kronor_en(ore) == english
