"""Hypothesis strategies for valid calculation inputs across every tabulated year."""

from datetime import date

from hypothesis import strategies as st

from bistand.rules.household import (
    INCOME_KINDS,
    OTHER_LIVING_COST_KINDS,
    REASONABLE_COST_KINDS,
    Adjustment,
    CalculationInput,
    Income,
    Member,
    MemberRole,
    OtherLivingCost,
)
from bistand.rules.parameters_loader import default_rulebook

YEARS = sorted(default_rulebook().norms)
amounts = st.integers(0, 3_000_000)  # öre


@st.composite
def members(draw: st.DrawFn, prefix: str, role: MemberRole) -> Member:
    if role == MemberRole.ADULT:
        age = draw(st.integers(18, 90))
        school = False
    else:
        age = draw(st.integers(0, 20))
        school = age >= 19 or draw(st.booleans())
    return Member(
        id=prefix,
        role=role,
        age=age,
        lunch_at_home=draw(st.booleans()),
        in_upper_secondary_school=school,
        months_with_income_support=draw(st.integers(0, 40)),
        job_stimulus_months_used=draw(st.integers(0, 30)),
    )


@st.composite
def calculation_inputs(draw: st.DrawFn, month: date | None = None) -> CalculationInput:
    if month is None:
        month = date(draw(st.sampled_from(YEARS)), draw(st.integers(1, 12)), 1)
    adult_count = draw(st.integers(1, 2))
    child_count = draw(st.integers(0, 9))
    people = [draw(members(f"a{i}", MemberRole.ADULT)) for i in range(adult_count)]
    people += [draw(members(f"c{i}", MemberRole.CHILD)) for i in range(child_count)]
    shared = draw(st.one_of(st.none(), st.integers(len(people) + 1, len(people) + 6)))
    ids = [m.id for m in people]
    incomes = draw(
        st.lists(
            st.builds(
                Income,
                member=st.one_of(st.none(), st.sampled_from(ids)),
                kind=st.sampled_from(INCOME_KINDS),
                amount=amounts,
                earned_earlier_this_year=st.integers(0, 8_000_000),
            ),
            max_size=5,
        )
    )
    incomes = [i for i in incomes if not (i.kind == "employment" and i.member is None)]
    return CalculationInput(
        month=month,
        members=tuple(people),
        municipality=draw(st.sampled_from([None, "stockholm"])),
        cohabiting=adult_count == 2,
        shared_household_size=shared,
        costs=tuple((kind, draw(amounts)) for kind in REASONABLE_COST_KINDS if draw(st.booleans())),
        other_living_costs=tuple(
            draw(
                st.lists(
                    st.builds(
                        OtherLivingCost,
                        kind=st.sampled_from(OTHER_LIVING_COST_KINDS),
                        amount=amounts,
                    ),
                    max_size=3,
                )
            )
        ),
        incomes=tuple(incomes),
        adjustments=tuple(
            draw(
                st.lists(
                    st.builds(
                        Adjustment,
                        kind=st.just("reduction"),
                        amount=st.integers(-500_000, -1),
                        reason=st.just("bedömning"),
                        legal_basis=st.just("12 kap. 5 §"),
                    ),
                    max_size=1,
                )
            )
        ),
    )


@st.composite
def populations(draw: st.DrawFn) -> list[CalculationInput]:
    """Many households in one month (a simulation runs one month at a time)."""
    month = date(draw(st.sampled_from(YEARS)), draw(st.integers(1, 12)), 1)
    return draw(st.lists(calculation_inputs(month=month), min_size=1, max_size=60))
