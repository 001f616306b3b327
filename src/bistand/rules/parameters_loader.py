# SPDX-License-Identifier: EUPL-1.2
"""Load the law as data: strict, every value with its source, amounts in öre.

The YAML tree under `parameters/` mirrors the law: `national_norm/<year>.yaml`,
`prisbasbelopp.yaml`, `job_stimulus.yaml`, `youth_income_disregard.yaml`,
`legal_references.yaml` and one overlay per municipality under `municipal/`.
A malformed file stops loading with its path in the message.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from bistand.rules.clocks import DAYS, HOURS, WORKING_DAYS, TimeTarget
from bistand.rules.labour import (
    REFERRAL_PATHS,
    WORK_CAPACITIES,
    LabourActivities,
    ReferralPolicy,
    SpecialSupportPolicy,
)
from bistand.rules.national_statistics import (
    GENDER_KEYS,
    HOUSEHOLD_TYPE_KEYS,
    ROLE_KEYS,
    NationalReporting,
)
from bistand.rules.statistics import StatisticsConventions
from bistand.rules.yaml_strict import (
    ParameterFileError,
    day_value,
    load_yaml,
    require_keys,
    text_value,
)

PARAMETERS_DIR = Path(__file__).parent / "parameters"
ORE_PER_KRONA = 100
NORM_STATUSES = frozenset({"official", "municipal-copy", "secondary", "derived"})
TIME_UNITS = (DAYS, WORKING_DAYS, HOURS)
CHILD_MAX_AGE = 20  # the norm tables' age axis: 0..20 (checked against household_composition.yaml)
T = TypeVar("T")


@dataclass(frozen=True)
class Dated(Generic[T]):
    """Values keyed by the date they take effect; `at(day)` is the one in force that day."""

    starts: tuple[date, ...] = ()
    values: tuple[T, ...] = ()

    def at(self, day: date) -> T | None:
        index = bisect.bisect_right(self.starts, day) - 1
        return self.values[index] if index >= 0 else None


@dataclass(frozen=True)
class NationalNorm:
    year: int
    valid_from: date
    status: str
    source: str
    provision: str
    path: str
    child_band_by_age: tuple[str, ...]  # age 0..20 → band key, e.g. "4-6"
    child_with_lunch_by_age: tuple[int, ...]  # öre
    child_without_lunch_by_age: tuple[int, ...]  # öre; same as with lunch from age 7
    lower_rate_max_age: int  # the oldest age with a without-lunch rate
    adult_single: int
    adults_cohabiting: int
    household_common_by_size: tuple[int, ...]  # index = size 0..7 (0 unused)
    common_step: int  # per member beyond the largest tabulated size


@dataclass(frozen=True)
class Prisbasbelopp:
    value: int  # öre per year
    source: str


@dataclass(frozen=True)
class JobStimulus:
    disregard_rate: Fraction
    qualifying_months: int
    max_months: int
    source: str


@dataclass(frozen=True)
class YouthIncomeDisregard:
    age_limit: int
    annual_prisbasbelopp: Fraction
    source: str


@dataclass(frozen=True)
class Law:
    code: str
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class AppealTimeLimit:
    weeks: int
    provision: str
    review_provision: str  # the authority checks that the appeal came in in time (45 § FL)
    source: str


@dataclass(frozen=True)
class LegalReferences:
    laws: tuple[Law, ...]
    rules: dict[str, tuple[str, str]]  # rule → (old provision, new provision)
    appeal: AppealTimeLimit
    recovery_years: int
    disposal_years: int

    def law_at(self, day: date) -> Law:
        for law in self.laws:
            if law.valid_from <= day and (law.valid_until is None or day <= law.valid_until):
                return law
        raise LookupError(f"no law in force on {day.isoformat()}")

    def cite(self, rule: str, day: date) -> str:
        """The provision of `rule` in force on `day`, e.g. '12 kap. 7 § SoL (2025:400)'."""
        old, new = self.rules[rule]
        law = self.law_at(day)
        return f"{old if law is self.laws[0] else new} {law.code}"


@dataclass(frozen=True)
class ChildNormSupplement:
    amount_per_child: int  # öre
    source: str
    verified: bool
    note: str


@dataclass(frozen=True)
class HousingCostCaps:
    by_household_size: dict[int, int]  # öre per month
    source: str


@dataclass(frozen=True)
class MunicipalOption:
    enabled: bool
    source: str
    verified: bool


@dataclass(frozen=True)
class TimeTargets:
    targets: dict[str, TimeTarget]
    source: str
    verified: bool


@dataclass(frozen=True)
class MunicipalGuidelines:
    key: str
    description: str
    path: str
    higher_child_norm: Dated[ChildNormSupplement]
    housing_cost_caps: Dated[HousingCostCaps]
    repayable_advance_model: Dated[MunicipalOption]
    time_targets: Dated[TimeTargets]
    referral_policy: Dated[ReferralPolicy]
    labour_activities: Dated[LabourActivities]
    special_individual_support: Dated[SpecialSupportPolicy]


@dataclass(frozen=True)
class HouseholdComposition:
    adult_min_age: int
    school_youth_min_age: int
    child_max_age: int
    source: str


@dataclass(frozen=True)
class Rulebook:
    norms: dict[int, NationalNorm]
    prisbasbelopp: Dated[Prisbasbelopp]
    job_stimulus: Dated[JobStimulus]
    youth_income_disregard: Dated[YouthIncomeDisregard]
    legal: LegalReferences
    composition: Dated[HouseholdComposition]
    working_day_eves: Dated[tuple[str, ...]]
    statistics: Dated[StatisticsConventions]
    national_statistics: Dated[NationalReporting]
    municipalities: dict[str, MunicipalGuidelines] = field(default_factory=dict)


def _kronor(path: Path, where: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ParameterFileError(f"{path}: {where}: expected whole kronor, got {value!r}")
    return value * ORE_PER_KRONA


_BAND = re.compile(r"^(?:under-(?P<under>\d+)|(?P<low>\d+)(?:-(?P<high>\d+))?)$")


def _ages(path: Path, band: str) -> range:
    match = _BAND.match(band)
    if match is None:
        raise ParameterFileError(f"{path}: age band {band!r} is not 'under-N', 'N' or 'N-M'")
    if match["under"]:
        return range(0, int(match["under"]))
    low = int(match["low"])
    return range(low, int(match["high"] or low) + 1)


def _norm(path: Path) -> NationalNorm:
    data = load_yaml(path)
    require_keys(
        path,
        "top level",
        data,
        {
            "description",
            "metadata",
            "valid_from",
            "status",
            "source",
            "provision",
            "children_with_lunch",
            "children_without_lunch",
            "adult_single",
            "adults_cohabiting",
            "household_common",
        },
        {"checkpoints"},
    )
    year = int(path.stem)
    valid_from = day_value(path, "valid_from", data["valid_from"])
    if valid_from.year != year:
        raise ParameterFileError(f"{path}: valid_from {valid_from} is not in {year}")
    if data["status"] not in NORM_STATUSES:
        raise ParameterFileError(f"{path}: status must be one of {sorted(NORM_STATUSES)}")
    band_by_age: list[str | None] = [None] * (CHILD_MAX_AGE + 1)
    with_lunch: list[int] = [0] * (CHILD_MAX_AGE + 1)
    for band, amount in data["children_with_lunch"].items():
        for age in _ages(path, str(band)):
            if age > CHILD_MAX_AGE or band_by_age[age] is not None:
                raise ParameterFileError(
                    f"{path}: age {age} in band {band!r} is out of range or twice"
                )
            band_by_age[age] = str(band)
            with_lunch[age] = _kronor(path, f"children_with_lunch.{band}", amount)
    if None in band_by_age:
        raise ParameterFileError(
            f"{path}: children_with_lunch does not cover ages 0-{CHILD_MAX_AGE}"
        )
    without_lunch = list(with_lunch)
    lower_rate_max_age = -1
    for band, amount in data["children_without_lunch"].items():
        for age in _ages(path, str(band)):
            if age > CHILD_MAX_AGE or band_by_age[age] != str(band):
                raise ParameterFileError(
                    f"{path}: children_without_lunch band {band!r} is not a band"
                )
            without_lunch[age] = _kronor(path, f"children_without_lunch.{band}", amount)
            lower_rate_max_age = max(lower_rate_max_age, age)
    common = data["household_common"]
    sizes = sorted(common)
    if sizes != list(range(1, len(sizes) + 1)) or len(sizes) < 2:
        raise ParameterFileError(f"{path}: household_common must have sizes 1..N")
    common_by_size = (0, *(_kronor(path, f"household_common.{s}", common[s]) for s in sizes))
    return NationalNorm(
        year=year,
        valid_from=valid_from,
        status=data["status"],
        source=text_value(path, "source", data["source"]),
        provision=text_value(path, "provision", data["provision"]),
        path=f"national_norm/{year}",
        child_band_by_age=tuple(str(b) for b in band_by_age),
        child_with_lunch_by_age=tuple(with_lunch),
        child_without_lunch_by_age=tuple(without_lunch),
        lower_rate_max_age=lower_rate_max_age,
        adult_single=_kronor(path, "adult_single", data["adult_single"]),
        adults_cohabiting=_kronor(path, "adults_cohabiting", data["adults_cohabiting"]),
        household_common_by_size=common_by_size,
        common_step=common_by_size[-1] - common_by_size[-2],
    )


def _dated(path: Path, values: Any, build: Any) -> Dated[Any]:
    if not isinstance(values, dict):
        raise ParameterFileError(f"{path}: 'values' must be a mapping of dates")
    pairs = sorted(
        (day_value(path, "values key", start), build(str(start), entry))
        for start, entry in values.items()
    )
    return Dated(tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))


def _fraction(path: Path, where: str, value: Any) -> Fraction:
    try:
        return Fraction(Decimal(str(value)))
    except ArithmeticError as error:
        raise ParameterFileError(f"{path}: {where}: not a number: {value!r}") from error


def _dated_file(path: Path, keys: set[str], build: Callable[[str, dict[str, Any]], T]) -> Dated[T]:
    """A file of values keyed by effective date, each entry with exactly `keys`."""
    data = load_yaml(path)
    require_keys(path, "top level", data, {"description", "metadata", "values"})

    def checked(start: str, entry: dict[str, Any]) -> T:
        require_keys(path, start, entry, keys)
        return build(start, entry)

    return _dated(path, data["values"], checked)


def _prisbasbelopp(path: Path) -> Dated[Prisbasbelopp]:
    return _dated_file(
        path,
        {"value", "source"},
        lambda start, entry: Prisbasbelopp(
            _kronor(path, start, entry["value"]), text_value(path, start, entry["source"])
        ),
    )


def _job_stimulus(path: Path) -> Dated[JobStimulus]:
    keys = {"disregard_rate", "qualifying_months", "max_months", "source"}
    return _dated_file(
        path,
        keys,
        lambda start, entry: JobStimulus(
            _fraction(path, start, entry["disregard_rate"]),
            int(entry["qualifying_months"]),
            int(entry["max_months"]),
            text_value(path, start, entry["source"]),
        ),
    )


def _youth(path: Path) -> Dated[YouthIncomeDisregard]:
    keys = {"age_limit", "annual_prisbasbelopp", "source"}
    return _dated_file(
        path,
        keys,
        lambda start, entry: YouthIncomeDisregard(
            int(entry["age_limit"]),
            _fraction(path, start, entry["annual_prisbasbelopp"]),
            text_value(path, start, entry["source"]),
        ),
    )


def _composition(path: Path) -> Dated[HouseholdComposition]:
    def build(start: str, entry: dict[str, Any]) -> HouseholdComposition:
        if entry["child_max_age"] != CHILD_MAX_AGE:
            raise ParameterFileError(f"{path}: {start}: child_max_age must match the norm tables")
        return HouseholdComposition(
            int(entry["adult_min_age"]),
            int(entry["school_youth_min_age"]),
            int(entry["child_max_age"]),
            text_value(path, start, entry["source"]),
        )

    keys = {"adult_min_age", "school_youth_min_age", "child_max_age", "source"}
    return _dated_file(path, keys, build)


def _legal(path: Path) -> LegalReferences:
    data = load_yaml(path)
    require_keys(
        path,
        "top level",
        data,
        {
            "description",
            "laws",
            "rules",
            "appeal_time_limit",
            "recovery_time_limit",
            "records_disposal",
        },
    )
    laws = []
    for index, law in enumerate(data["laws"]):
        require_keys(path, f"laws[{index}]", law, {"code", "valid_from", "valid_until"})
        until = law["valid_until"]
        laws.append(
            Law(
                text_value(path, "code", law["code"]),
                day_value(path, "valid_from", law["valid_from"]),
                None if until is None else day_value(path, "valid_until", until),
            )
        )
    if len(laws) != 2:
        raise ParameterFileError(f"{path}: expected the old and the new law")
    rules = {}
    for name, entry in data["rules"].items():
        require_keys(path, f"rules.{name}", entry, {"old", "new"})
        rules[str(name)] = (
            text_value(path, name, entry["old"]),
            text_value(path, name, entry["new"]),
        )
    limit = data["appeal_time_limit"]
    require_keys(
        path, "appeal_time_limit", limit, {"weeks", "provision", "review_provision", "source"}
    )
    appeal = AppealTimeLimit(
        int(limit["weeks"]),
        text_value(path, "provision", limit["provision"]),
        text_value(path, "review_provision", limit["review_provision"]),
        text_value(path, "source", limit["source"]),
    )
    recovery = data["recovery_time_limit"]
    require_keys(path, "recovery_time_limit", recovery, {"years", "source"})
    disposal = data["records_disposal"]
    require_keys(path, "records_disposal", disposal, {"years_after_last_entry", "source"})
    return LegalReferences(
        tuple(laws), rules, appeal, int(recovery["years"]), int(disposal["years_after_last_entry"])
    )


def _municipal(path: Path) -> MunicipalGuidelines:
    data = load_yaml(path)
    require_keys(
        path,
        "top level",
        data,
        {
            "description",
            "municipality",
            "higher_child_norm",
            "housing_cost_caps",
            "repayable_advance_model",
            "time_targets",
            "referral_policy",
            "labour_activities",
            "special_individual_support",
        },
    )

    def child(start: str, entry: dict[str, Any]) -> ChildNormSupplement:
        require_keys(path, start, entry, {"amount_per_child", "source", "verified"}, {"note"})
        return ChildNormSupplement(
            _kronor(path, start, entry["amount_per_child"]),
            text_value(path, start, entry["source"]),
            bool(entry["verified"]),
            str(entry.get("note", "")),
        )

    def caps(start: str, entry: dict[str, Any]) -> HousingCostCaps:
        require_keys(path, start, entry, {"by_household_size", "source"})
        return HousingCostCaps(
            {
                int(size): _kronor(path, start, amount)
                for size, amount in entry["by_household_size"].items()
            },
            text_value(path, start, entry["source"]),
        )

    def option(start: str, entry: dict[str, Any]) -> MunicipalOption:
        require_keys(path, start, entry, {"enabled", "source", "verified"})
        return MunicipalOption(
            bool(entry["enabled"]),
            text_value(path, start, entry["source"]),
            bool(entry["verified"]),
        )

    def targets(start: str, entry: dict[str, Any]) -> TimeTargets:
        names = set(entry) - {"source", "verified"}
        require_keys(path, start, entry, names | {"source", "verified"})
        parsed = {}
        for name in sorted(names):
            target = entry[name]
            require_keys(path, f"{start}.{name}", target, {"amount", "unit", "enabled"})
            if target["unit"] not in TIME_UNITS:
                raise ParameterFileError(
                    f"{path}: {start}.{name}: unit must be one of {TIME_UNITS}"
                )
            parsed[name] = TimeTarget(
                name, int(target["amount"]), target["unit"], bool(target["enabled"])
            )
        return TimeTargets(
            parsed, text_value(path, start, entry["source"]), bool(entry["verified"])
        )

    def referrals(start: str, entry: dict[str, Any]) -> ReferralPolicy:
        require_keys(path, start, entry, set(WORK_CAPACITIES) | {"source", "verified"})
        paths = {capacity: str(entry[capacity]) for capacity in WORK_CAPACITIES}
        for capacity, chosen in paths.items():
            if chosen not in REFERRAL_PATHS:
                raise ParameterFileError(
                    f"{path}: {start}.{capacity}: path must be one of {REFERRAL_PATHS}"
                )
        return ReferralPolicy(
            paths, text_value(path, start, entry["source"]), bool(entry["verified"])
        )

    def activities(start: str, entry: dict[str, Any]) -> LabourActivities:
        require_keys(path, start, entry, {"starting_a_business", "source", "verified"})
        return LabourActivities(
            bool(entry["starting_a_business"]),
            text_value(path, start, entry["source"]),
            bool(entry["verified"]),
        )

    def special(start: str, entry: dict[str, Any]) -> SpecialSupportPolicy:
        keys = {"youth_min_age", "youth_max_age", "women_weak_position", "excludes_income_support"}
        require_keys(path, start, entry, keys | {"source", "verified"})
        low, high = int(entry["youth_min_age"]), int(entry["youth_max_age"])
        if not 0 < low <= high:
            raise ParameterFileError(f"{path}: {start}: youth ages must satisfy 0 < min <= max")
        return SpecialSupportPolicy(
            low,
            high,
            bool(entry["women_weak_position"]),
            bool(entry["excludes_income_support"]),
            text_value(path, start, entry["source"]),
            bool(entry["verified"]),
        )

    for section in (
        "higher_child_norm",
        "housing_cost_caps",
        "repayable_advance_model",
        "time_targets",
        "referral_policy",
        "labour_activities",
        "special_individual_support",
    ):
        require_keys(path, section, data[section], {"values"})
    return MunicipalGuidelines(
        key=text_value(path, "municipality", data["municipality"]),
        description=text_value(path, "description", data["description"]),
        path=f"municipal/{path.stem}",
        higher_child_norm=_dated(path, data["higher_child_norm"]["values"], child),
        housing_cost_caps=_dated(path, data["housing_cost_caps"]["values"], caps),
        repayable_advance_model=_dated(path, data["repayable_advance_model"]["values"], option),
        time_targets=_dated(path, data["time_targets"]["values"], targets),
        referral_policy=_dated(path, data["referral_policy"]["values"], referrals),
        labour_activities=_dated(path, data["labour_activities"]["values"], activities),
        special_individual_support=_dated(
            path, data["special_individual_support"]["values"], special
        ),
    )


def _ascending(path: Path, where: str, value: Any) -> tuple[int, ...]:
    if (
        not isinstance(value, list)
        or not value
        or any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in value)
        or sorted(set(value)) != value
    ):
        raise ParameterFileError(
            f"{path}: {where}: expected ascending whole numbers, got {value!r}"
        )
    return tuple(value)


def _statistics(path: Path) -> Dated[StatisticsConventions]:
    def build(start: str, entry: dict[str, Any]) -> StatisticsConventions:
        where = f"values.{start}"
        durations = _ascending(path, f"{where}.duration_band_starts", entry["duration_band_starts"])
        if durations[0] != 1 or durations[-1] > 12:
            raise ParameterFileError(f"{path}: {where}: duration bands must start at 1 month")
        long_term = entry["long_term_months"]
        if not isinstance(long_term, int) or not 1 <= long_term <= 12:
            raise ParameterFileError(f"{path}: {where}.long_term_months: 1 to 12")
        return StatisticsConventions(
            age_band_starts=_ascending(path, f"{where}.age_band_starts", entry["age_band_starts"]),
            duration_band_starts=durations,
            long_term_months=long_term,
            return_windows_months=_ascending(
                path, f"{where}.return_windows_months", entry["return_windows_months"]
            ),
            source=text_value(path, f"{where}.source", entry["source"]),
        )

    keys = {
        "age_band_starts",
        "duration_band_starts",
        "long_term_months",
        "return_windows_months",
        "source",
    }
    return _dated_file(path, keys, build)


def _codes(
    path: Path, where: str, value: Any, keys: frozenset[str] | None = None
) -> dict[str, str]:
    """A mapping of names to non-empty text codes; with `keys`, exactly those names."""
    if not isinstance(value, dict) or not value:
        raise ParameterFileError(f"{path}: {where}: expected a mapping of names to codes")
    if keys is not None and set(value) != keys:
        raise ParameterFileError(f"{path}: {where}: expected exactly {sorted(keys)}")
    return {str(name): text_value(path, f"{where}.{name}", code) for name, code in value.items()}


def _national_statistics(path: Path) -> Dated[NationalReporting]:
    def build(start: str, entry: dict[str, Any]) -> NationalReporting:
        where = f"values.{start}"
        day = entry["deadline_day"]
        if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 28:
            raise ParameterFileError(f"{path}: {where}.deadline_day: a day from 1 to 28")
        activities = entry["labour_measure_activities"]
        if not isinstance(activities, list) or not all(isinstance(a, str) for a in activities):
            raise ParameterFileError(f"{path}: {where}.labour_measure_activities: a list of names")
        return NationalReporting(
            deadline_day=day,
            roles=_codes(path, f"{where}.roles", entry["roles"], ROLE_KEYS),
            genders=_codes(path, f"{where}.genders", entry["genders"], GENDER_KEYS),
            household_types=_codes(
                path, f"{where}.household_types", entry["household_types"], HOUSEHOLD_TYPE_KEYS
            ),
            support_barriers=_codes(path, f"{where}.support_barriers", entry["support_barriers"]),
            labour_measure_activities=frozenset(activities),
            closure_categories=_codes(
                path, f"{where}.closure_categories", entry["closure_categories"]
            ),
            source=text_value(path, f"{where}.source", entry["source"]),
        )

    keys = {
        "deadline_day",
        "roles",
        "genders",
        "household_types",
        "support_barriers",
        "labour_measure_activities",
        "closure_categories",
        "source",
    }
    return _dated_file(path, keys, build)


def load_rulebook(root: Path | None = None) -> Rulebook:
    """Read every parameter file under `root` (default: the shipped `parameters/`); raises
    ParameterFileError naming the file."""
    root = root or PARAMETERS_DIR
    norms = {int(p.stem): _norm(p) for p in sorted((root / "national_norm").glob("*.yaml"))}
    municipalities = {}
    for path in sorted((root / "municipal").glob("*.yaml")):
        guidelines = _municipal(path)
        municipalities[guidelines.key] = guidelines
    return Rulebook(
        norms=norms,
        prisbasbelopp=_prisbasbelopp(root / "prisbasbelopp.yaml"),
        job_stimulus=_job_stimulus(root / "job_stimulus.yaml"),
        youth_income_disregard=_youth(root / "youth_income_disregard.yaml"),
        legal=_legal(root / "legal_references.yaml"),
        composition=_composition(root / "household_composition.yaml"),
        working_day_eves=_dated_file(
            root / "working_days.yaml",
            {"eves_as_holidays", "source"},
            lambda start, entry: tuple(str(eve) for eve in entry["eves_as_holidays"]),
        ),
        statistics=_statistics(root / "statistics.yaml"),
        national_statistics=_national_statistics(root / "national_statistics.yaml"),
        municipalities=municipalities,
    )


@lru_cache(maxsize=1)
def default_rulebook() -> Rulebook:
    return load_rulebook()
