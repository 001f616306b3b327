# SPDX-License-Identifier: EUPL-1.2
"""The one console command, `bistand`, wrapping Django management.

`bistand runserver`, `bistand migrate`, `bistand demo_data`, ... Later capabilities add
sub-commands as management commands in their app, so there is one tool for everything.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bistand.config.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["bistand", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
