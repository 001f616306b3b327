"""axe-core through axe-playwright-python: serious and critical violations on a page."""

from typing import Any

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()
BLOCKING_IMPACTS = {"serious", "critical"}


def serious_violations(page: Any) -> list[str]:
    results = _axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes"
        for v in results.response["violations"]
        if v.get("impact") in BLOCKING_IMPACTS
    ]


def all_violations(page: Any) -> list[dict[str, Any]]:
    return list(_axe.run(page).response["violations"])
