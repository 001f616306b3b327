"""The calculation's rules: job stimulus, youth income across a year, the law switch, large
households, surplus, municipal overlay, adjustments. Expected values are worked by hand from the
2026 table (tests/rules/golden/2026 and ../shared/reference/riksnorm.yaml)."""

from typing import Any

from tests.rules.helpers import adult, calc, child, line_amounts

# 2026: adult_single 3940, cohabiting 7100, common {1: 1280, ..., 6: 2640, 7: 2830}, child 7-10 3820
# prisbasbelopp 2026: 59 200 kr.


def _single(month: str = "2026-03", **member: Any) -> dict[str, Any]:
    return {"month": month, "members": [adult(**member)]}


def test_job_stimulus_disregards_a_quarter_after_six_months() -> None:
    doc = _single(months_with_income_support=6, job_stimulus_months_used=3)
    doc["incomes"] = [{"member": "a", "kind": "employment", "amount": 8000}]
    result = calc(doc)
    assert result["income_disregarded_total"] == 2000
    assert result["income_counted_total"] == 6000
    assert result["entitlement"] == 0
    assert result["surplus"] == 6000 - 5220
    line = next(line for line in result["lines"] if line["code"] == "disregard_job_stimulus")
    assert line["legal_reference"] == "12 kap. 8 § SoL (2025:400)"


def test_job_stimulus_needs_six_months_and_ends_after_twenty_four() -> None:
    income = [{"member": "a", "kind": "employment", "amount": 4000}]
    five_months = calc({**_single(months_with_income_support=5), "incomes": income})
    used_up = calc(
        {**_single(months_with_income_support=30, job_stimulus_months_used=24), "incomes": income}
    )
    last_month = calc(
        {**_single(months_with_income_support=30, job_stimulus_months_used=23), "incomes": income}
    )
    assert five_months["income_disregarded_total"] == 0
    assert used_up["income_disregarded_total"] == 0
    assert last_month["income_disregarded_total"] == 1000
    assert last_month["entitlement"] == 5220 - 3000


def test_job_stimulus_never_applies_to_a_childs_income() -> None:
    doc = {
        "month": "2026-03",
        "members": [
            adult(months_with_income_support=12),
            child("c", 16, months_with_income_support=12),
        ],
        "incomes": [{"member": "c", "kind": "employment", "amount": 1000}],
    }
    assert line_amounts(calc(doc), "disregard_job_stimulus") == []


def test_youth_income_rule_across_a_calendar_year() -> None:
    """A 17-year-old earns 10 000 kr a month in 2026: the first 59 200 kr are not counted."""
    earned = 0
    counted_by_month, notes = [], []
    for month in range(1, 13):
        doc = {
            "month": f"2026-{month:02d}",
            "members": [adult(), child("c", 17)],
            "incomes": [
                {
                    "member": "c",
                    "kind": "employment",
                    "amount": 10000,
                    "earned_earlier_this_year": earned,
                }
            ],
        }
        result = calc(doc)
        counted_by_month.append(result["income_counted_total"])
        notes += [
            line["note"] for line in result["lines"] if line["code"] == "disregard_youth_income"
        ]
        earned += 10000
    assert counted_by_month == [0, 0, 0, 0, 0, 800, *[10000] * 6]
    assert sum(10000 - c for c in counted_by_month) == 59200
    # What is left of the year's allowance, written as Swedish writes amounts.
    assert notes[0] == "kvar av årets fribelopp efter denna månad: 49\u00a0200\u00a0kr"
    assert notes[5] == "kvar av årets fribelopp efter denna månad: 0\u00a0kr"


def test_youth_rule_covers_a_20_year_old_in_upper_secondary_school() -> None:
    doc = {
        "month": "2026-03",
        "members": [adult(), child("c", 20, in_upper_secondary_school=True)],
        "incomes": [{"member": "c", "kind": "employment", "amount": 3000}],
    }
    result = calc(doc)
    assert result["income_disregarded_total"] == 3000
    assert result["income_counted_total"] == 0


def test_the_law_switches_on_1_july_2025() -> None:
    june = calc(_single("2025-06"))
    july = calc(_single("2025-07"))
    assert {line["legal_reference"] for line in june["lines"]} == {"4 kap. 3 § SoL (2001:453)"}
    assert {line["legal_reference"] for line in july["lines"]} == {"12 kap. 7 § SoL (2025:400)"}
    assert june["parameters"]["law"] == "SoL (2001:453)"
    assert july["parameters"]["law"] == "SoL (2025:400)"
    assert june["norm_total"] == july["norm_total"] == 3910 + 1270


def test_a_household_of_nine_adds_the_last_step_per_extra_member() -> None:
    members = [adult("a"), adult("b"), *(child(f"c{i}", 8) for i in range(7))]
    result = calc({"month": "2026-03", "cohabiting": True, "members": members})
    common = 2830 + 2 * (2830 - 2640)
    assert line_amounts(result, "norm_household_common") == [common]
    assert result["norm_total"] == 7100 + 7 * 3820 + common


def test_surplus_when_income_exceeds_the_need() -> None:
    doc = {
        **_single(),
        "costs": {"housing": 6000},
        "incomes": [{"member": "a", "kind": "pension", "amount": 12000.50}],
    }
    result = calc(doc)
    assert result["entitlement"] == 0
    assert result["surplus"] == 781  # 12 000.50 − 11 220 = 780.50; halves round up to whole kronor


def test_costs_other_living_costs_and_adjustments_are_lines() -> None:
    doc = {
        "month": "2026-03",
        "members": [adult(), child("c", 3, lunch_at_home=False)],
        "costs": {"housing": 7200, "household_electricity": 300, "home_insurance": 150},
        "other_living_costs": [{"kind": "childcare_fee", "amount": 500}],
        "incomes": [{"member": None, "kind": "child_allowance", "amount": 1250}],
        "adjustments": [
            {
                "kind": "reduction",
                "amount": -500,
                "reason": "Uteblev från praktik",
                "legal_basis": "12 kap. 5 § SoL (2025:400)",
            }
        ],
    }
    result = calc(doc)
    assert result["norm_total"] == 3940 + 2500 + 1410
    assert result["reasonable_costs_total"] == 7650
    assert result["other_living_costs_total"] == 500
    assert result["income_counted_total"] == 1250
    assert result["adjustments_total"] == -500
    assert result["entitlement"] == 7850 + 7650 + 500 - 1250 - 500
    reduction = next(line for line in result["lines"] if line["code"] == "adjustment_reduction")
    assert reduction["legal_reference"] == "12 kap. 5 § SoL (2025:400)"
    assert reduction["note"] == "Uteblev från praktik"
    assert reduction["label_sv"] == "Nedsättning"


def test_every_line_carries_code_labels_parameter_and_law() -> None:
    result = calc(
        {
            "month": "2026-03",
            "municipality": "stockholm",
            "members": [adult(), child("c", 9)],
            "costs": {"housing": 5000},
        }
    )
    for line in result["lines"]:
        assert all(
            line[key] for key in ("code", "label_sv", "label_en", "parameter", "legal_reference")
        ), line
    assert sum(line["amount"] for line in result["lines"]) == result["entitlement"]


def test_stockholm_overlay_adds_the_higher_child_norm_and_says_it_is_unverified() -> None:
    national = calc({"month": "2026-03", "members": [adult(), child("c", 9)]})
    stockholm = calc(
        {"month": "2026-03", "municipality": "stockholm", "members": [adult(), child("c", 9)]}
    )
    assert stockholm["norm_total"] - national["norm_total"] == 100
    supplement = next(
        line for line in stockholm["lines"] if line["code"] == "municipal_child_supplement"
    )
    assert "Dnr 329-4481/2005" in supplement["legal_reference"]
    assert supplement["note"] == "giltighet ej verifierad"


def test_a_derived_table_says_so_and_an_official_one_does_not() -> None:
    assert calc(_single("2026-03"))["warnings"][0]["code"] == "norm_table_derived"
    assert calc(_single("2020-03"))["warnings"][0]["code"] == "norm_table_secondary"
    assert calc(_single("2021-03"))["warnings"] == []
    assert calc(_single("2021-03"))["parameters"]["status"] == "official"
