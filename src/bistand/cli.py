# SPDX-License-Identifier: EUPL-1.2
"""The one console command, `bistand`, wrapping Django management.

`bistand runserver`, `bistand migrate`, `bistand demo_data`, ... Later capabilities add
sub-commands as management commands in their app, so there is one tool for everything.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["calc"]:
        # The rules core runs without Django.
        from bistand.rules.cli import main as calc_main

        sys.exit(calc_main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bistand.config.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["bistand", *args])


if __name__ == "__main__":
    main()
