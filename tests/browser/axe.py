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


class AxeTally:
    """Counts a walk's pages and violations by impact, and lists the blocking ones by page."""

    def __init__(self) -> None:
        self.counts = {"pages": 0, "minor": 0, "moderate": 0, "serious": 0, "critical": 0}
        self.blocking: list[str] = []

    def check(self, page: Any, label: str) -> None:
        self.counts["pages"] += 1
        for violation in all_violations(page):
            self.counts[violation["impact"]] += 1
            if violation["impact"] in BLOCKING_IMPACTS:
                self.blocking.append(f"{label}: {violation['id']} {violation['help']}")
