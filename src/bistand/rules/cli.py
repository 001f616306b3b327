# SPDX-License-Identifier: EUPL-1.2
"""`bistand calc FILE [--explain]`: the calculation from the command line, without Django."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from bistand.rules.calculation import calculate_month
from bistand.rules.input_parsing import InvalidInputError, Problem, parse_calculation_input
from bistand.rules.month_parameters import NormYearMissingError, UnknownMunicipalityError
from bistand.rules.output import result_to_dict, result_to_table
from bistand.rules.parameters_loader import default_rulebook

EXIT_INVALID = 2


def calculate_document(raw: Any) -> dict[str, Any]:
    """Parse, calculate and serialise; raises InvalidInputError with every problem."""
    try:
        data = parse_calculation_input(raw)
    except InvalidInputError as error:
        month = raw.get("month") if isinstance(raw, dict) else None
        year = int(month[:4]) if isinstance(month, str) and month[:4].isdigit() else None
        if year is not None and year not in default_rulebook().norms:
            error.problems.append(
                Problem("$.month", NormYearMissingError.code, str(NormYearMissingError(year)))
            )
        raise
    try:
        return result_to_dict(calculate_month(data))
    except NormYearMissingError as error:
        raise InvalidInputError([Problem("$.month", error.code, str(error))]) from error
    except UnknownMunicipalityError as error:
        raise InvalidInputError(
            [
                Problem(
                    "$.municipality",
                    error.code,
                    f"no local guidelines are loaded for '{error.args[0]}'",
                )
            ]
        ) from error


def problems_document(error: InvalidInputError) -> dict[str, Any]:
    return {
        "problems": [{"path": p.path, "code": p.code, "message": p.message} for p in error.problems]
    }


def main(argv: list[str], stdout: TextIO = sys.stdout, stdin: TextIO = sys.stdin) -> int:
    parser = argparse.ArgumentParser(prog="bistand calc", description="Calculate försörjningsstöd.")
    parser.add_argument("file", help="input JSON file, or - for standard input")
    parser.add_argument("--explain", action="store_true", help="print a readable table")
    args = parser.parse_args(argv)
    try:
        text = stdin.read() if args.file == "-" else open(args.file, encoding="utf-8").read()  # noqa: SIM115
        raw = json.loads(text)
    except (OSError, json.JSONDecodeError) as error:
        print(
            json.dumps(
                {"problems": [{"path": "$", "code": "unreadable", "message": str(error)}]},
                ensure_ascii=False,
                indent=2,
            ),
            file=stdout,
        )
        return EXIT_INVALID
    try:
        document = calculate_document(raw)
    except InvalidInputError as error:
        print(json.dumps(problems_document(error), ensure_ascii=False, indent=2), file=stdout)
        return EXIT_INVALID
    if args.explain:
        stdout.write(result_to_table(calculate_month(parse_calculation_input(raw))))
    else:
        print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)
    return 0
