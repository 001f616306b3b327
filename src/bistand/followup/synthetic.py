# SPDX-License-Identifier: EUPL-1.2
"""A synthetic history of aid for fictional households, as rows of the follow-up's fact table.

For benchmarks and demonstrations at national size without a single real person: every month
about `households` households have aid; each stays another month with its own probability (so
some are long-term), leaves otherwise, may come back within a year, and new households fill the
gap. People are numbers; nothing here can be traced to anyone. Pure: numpy, no Django.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from bistand.rules.statistics import MONTHS_PER_YEAR, StatisticsConventions

COLUMNS = (
    "month_index",
    "person_key",
    "household_key",
    "head",
    "committee_id",
    "unit_id",
    "gender",
    "age_band",
    "born",
    "support_barrier",
    "children",
    "amount",
)
HOUSEHOLD_KEY_OFFSET = 1 << 100  # household keys never equal person keys
RETURN_PER_MONTH = 0.05  # chance a household that left comes back, each month for a year


@dataclass(frozen=True)
class Codes:
    """The code lists the rows use, given by the caller from the models (this module has no
    Django): genders (man, woman), birth regions (Sweden, abroad, unknown), support barriers."""

    genders: tuple[str, str]
    born: tuple[str, str, str]
    barriers: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    unit_id: int
    committee_id: int


@dataclass(frozen=True)
class Month:
    """One month of the history: the facts as COPY lines, and who has aid, who came (new or back)
    and whose last month with aid it is, as household numbers of the pool."""

    index: int
    facts: list[str]
    active: np.ndarray
    arrived: np.ndarray
    leaving: np.ndarray


class Households:
    """Attributes of every household ever created, indexed by household number."""

    def __init__(self, capacity: int, places: int, barriers: int, rng: np.random.Generator) -> None:
        self.rng, self.size, self.barriers = rng, 0, barriers
        self.place = np.zeros(capacity, np.int32)
        self.woman = np.zeros(capacity, bool)
        self.born = np.zeros(capacity, np.int8)
        self.birth_year = np.zeros(capacity, np.int16)
        self.birth_day = np.zeros(capacity, np.int16)  # day of the year, 0-364
        self.partner = np.zeros(capacity, bool)
        self.partner_born = np.zeros(capacity, np.int8)
        self.partner_birth_year = np.zeros(capacity, np.int16)
        self.partner_birth_day = np.zeros(capacity, np.int16)
        self.children = np.zeros(capacity, np.int8)
        self.barrier = np.zeros(capacity, np.int8)
        self.amount = np.zeros(capacity, np.int32)
        self.stay = np.zeros(capacity, np.float32)
        self.places = places

    def add(self, count: int, year: int) -> np.ndarray:
        start, end, rng = self.size, self.size + count, self.rng
        if end > len(self.place):
            raise OverflowError("more households than the capacity given")
        self.size = end
        born_weights = (0.45, 0.5, 0.05)
        self.place[start:end] = rng.integers(0, self.places, count)
        self.woman[start:end] = rng.random(count) < 0.5
        self.born[start:end] = rng.choice(3, count, p=born_weights)
        self.birth_year[start:end] = year - rng.integers(18, 70, count)
        self.birth_day[start:end] = rng.integers(0, 365, count)
        self.partner[start:end] = rng.random(count) < 0.25
        self.partner_born[start:end] = rng.choice(3, count, p=born_weights)
        self.partner_birth_year[start:end] = self.birth_year[start:end] + rng.integers(-5, 6, count)
        self.partner_birth_day[start:end] = rng.integers(0, 365, count)
        self.children[start:end] = rng.choice(5, count, p=(0.55, 0.2, 0.15, 0.07, 0.03))
        self.barrier[start:end] = rng.integers(0, self.barriers, count)
        self.amount[start:end] = (
            6000
            + 3500 * self.partner[start:end].astype(np.int32)
            + 2800 * self.children[start:end].astype(np.int32)
            + rng.integers(0, 3000, count)
        )
        # half short spells (about 3 months), half long (about 2 years)
        self.stay[start:end] = np.where(rng.random(count) < 0.5, 0.7, 0.96)
        return np.arange(start, end)


def history(
    *,
    first_month: int,
    months: int,
    households: int,
    places: Sequence[Place],
    rules: StatisticsConventions,
    codes: Codes,
    seed: int = 2026,
) -> Iterator[tuple[Households, Month]]:
    """Yield the pool of households and each month in turn."""
    rng = np.random.default_rng(seed)
    capacity = households + months * households // 3
    pool = Households(capacity, len(places), len(codes.barriers), rng)
    active = pool.add(households, first_month // MONTHS_PER_YEAR)
    arrived = active
    left_at = np.full(capacity, -10_000, np.int32)
    for offset in range(months):
        index = first_month + offset
        stays = rng.random(len(active)) < pool.stay[active]
        leaving = active[~stays]
        yield (
            pool,
            Month(
                index, _rows(index, active, pool, places, rules, codes), active, arrived, leaving
            ),
        )
        left_at[leaving] = index
        recent = np.flatnonzero(
            (left_at[: pool.size] >= index - 12) & (left_at[: pool.size] < index)
        )
        back = recent[rng.random(len(recent)) < RETURN_PER_MONTH]
        left_at[back] = -10_000
        new = pool.add(
            max(0, households - len(active) + len(leaving) - len(back)),
            (index + 1) // MONTHS_PER_YEAR,
        )
        arrived = np.concatenate([back, new])
        active = np.concatenate([active[stays], arrived])


def _rows(
    index: int,
    active: np.ndarray,
    pool: Households,
    places: Sequence[Place],
    rules: StatisticsConventions,
    codes: Codes,
) -> list[str]:
    year = index // MONTHS_PER_YEAR
    bands = {age: rules.age_band(age) for age in range(0, 130)}
    genders, regions, barriers = codes.genders, codes.born, codes.barriers
    columns = zip(
        active.tolist(),
        pool.place[active].tolist(),
        pool.woman[active].tolist(),
        pool.born[active].tolist(),
        (year - pool.birth_year[active]).tolist(),
        pool.partner[active].tolist(),
        pool.partner_born[active].tolist(),
        (year - pool.partner_birth_year[active]).tolist(),
        pool.children[active].tolist(),
        pool.barrier[active].tolist(),
        pool.amount[active].tolist(),
        strict=True,
    )
    lines = []
    for (
        household,
        place_at,
        woman,
        born,
        age,
        partner,
        p_born,
        p_age,
        kids,
        barrier,
        amount,
    ) in columns:
        place = places[place_at]
        common = f"{place.committee_id}\t{place.unit_id}"
        key = f"{HOUSEHOLD_KEY_OFFSET + household:032x}"
        lines.append(
            f"{index}\t{2 * household:032x}\t{key}\tt\t{common}\t{genders[woman]}"
            f"\t{bands[age]}\t{regions[born]}\t{barriers[barrier]}\t{kids}\t{amount}\n"
        )
        if partner:
            lines.append(
                f"{index}\t{2 * household + 1:032x}\t{key}\tf\t{common}\t{genders[not woman]}"
                f"\t{bands[max(p_age, 18)]}\t{regions[p_born]}\t{barriers[barrier]}\t0\t0\n"
            )
    return lines
