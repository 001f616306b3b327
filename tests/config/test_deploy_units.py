"""The systemd units in deploy/systemd/ run what the README says production runs: the web
server, the task worker, and on timers the jobs nothing else starts (the reminders would never
go out without one). Each unit's command is parsed by the command it names, as systemd would
start it, so a renamed command or option fails here and not at night in production."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

UNITS = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
BISTAND = "/opt/bistand/venv/bin/bistand"
# What the README's production paragraph says a scheduler runs.
SCHEDULED = {"remind", "refresh_followup", "prune_db_task_results", "dispose_unsent"}


def _unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(path, encoding="utf-8")
    return unit


def _bistand_command(service: Path) -> tuple[str, list[str]]:
    words = shlex.split(_unit(service)["Service"]["ExecStart"])
    assert words[0] == BISTAND, service.name
    return words[1], words[2:]


def test_every_timer_starts_a_bistand_command_its_parser_accepts() -> None:
    timers = sorted(UNITS.glob("*.timer"))
    scheduled = set()
    for timer in timers:
        settings = _unit(timer)["Timer"]
        service = UNITS / settings["Unit"]
        assert service.exists(), timer.name
        assert service.stem == timer.stem  # one service per timer, named alike
        assert settings["Persistent"] == "true"  # a run missed while down is made up
        assert "Europe/Stockholm" in settings["OnCalendar"]  # Swedish time, summer or winter
        assert _unit(service)["Service"]["Type"] == "oneshot"
        name, arguments = _bistand_command(service)
        app = get_commands()[name]  # KeyError: no such command
        load_command_class(app, name).create_parser("bistand", name).parse_args(arguments)
        scheduled.add(name)
    assert scheduled == SCHEDULED


def test_the_worker_and_the_web_server_run_what_the_readme_names() -> None:
    name, arguments = _bistand_command(UNITS / "bistand-worker.service")
    assert (name, arguments) == ("db_worker", [])
    assert name in get_commands()
    web = shlex.split(_unit(UNITS / "bistand-web.service")["Service"]["ExecStart"])
    assert web[1] == "bistand.config.wsgi:application"
    readme = (UNITS.parents[1] / "README.md").read_text(encoding="utf-8")
    for command in (*SCHEDULED, "db_worker"):
        assert f"`bistand {command}" in readme, command
    assert "deploy/systemd" in readme


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_every_calendar_is_one_systemd_reads() -> None:
    for timer in UNITS.glob("*.timer"):
        calendar = _unit(timer)["Timer"]["OnCalendar"]
        checked = subprocess.run(  # noqa: S603 - a fixed program, our own file's value
            ["systemd-analyze", "calendar", calendar],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode == 0, (timer.name, checked.stderr)
