import pytest

from tests.factories import World, world_create


@pytest.fixture(autouse=True)
def _default_language_after_each_test():  # type: ignore[no-untyped-def]
    """A request through the test client leaves its language active in the test's thread
    (LocaleMiddleware activates it, nothing deactivates it), so a test that ends on an Arabic
    page would hand Arabic to the next one. Each test starts from the default, as a request
    without a language choice does."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture
def world(db) -> World:
    return world_create()


@pytest.fixture
def coach_clocks_on(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The shipped parameters with a dated Stockholm entry that switches the coach's time targets
    on (a municipality adopting the proposal would add the same), read instead of the shipped."""
    import shutil
    from datetime import date

    import yaml

    from bistand.rules import parameters_loader

    root = tmp_path / "parameters"
    shutil.copytree(parameters_loader.PARAMETERS_DIR, root)
    path = root / "municipal" / "stockholm.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["time_targets"]["values"][date(2026, 1, 1)] = {
        "first_reception_visit": {"amount": 14, "unit": "days", "enabled": True},
        "coach_meeting": {"amount": 48, "unit": "hours", "enabled": True},
        "first_activity": {"amount": 5, "unit": "working_days", "enabled": True},
        "source": "test: the proposal adopted",
        "verified": False,
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(parameters_loader, "PARAMETERS_DIR", root)
    parameters_loader.default_rulebook.cache_clear()
    yield root
    parameters_loader.default_rulebook.cache_clear()


@pytest.fixture
def task_worker(monkeypatch):  # type: ignore[no-untyped-def]
    """Run `bistand db_worker --batch` as the deployed worker does: it takes what is queued and
    ready, runs it, and returns. Inside the test's transaction, which it must not close."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> None:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    return run
