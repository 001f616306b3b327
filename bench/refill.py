# SPDX-License-Identifier: EUPL-1.2
"""What filling a kept form back into its page costs (ADR 0028): on the pages people write in,
the time of `form_refilled` beside the time of the page's own GET (gate, log row, view,
template), which the gate draws first. Runs on an in-memory SQLite database with the test
suite's fictional world; nothing else is needed.

    .venv/bin/python bench/refill.py

Prints, per page, its size, the median GET and the median fill, and the fill's ratio to the GET.
The fill runs only on a GET at an address with a kept form, once or twice after a login ran
out; every other request is as before.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPEATS = 41
ROOT = Path(__file__).resolve().parent.parent


def _median_ms(work: Any) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bistand.config.settings.test"
    os.environ["DATABASE_URL"] = ""  # SQLite
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from tests.factories import client_for, world_create
    from tests.forms_sent import forms_sent

    from bistand.form_refill import form_refilled

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    world = world_create()
    draft, case = world.draft_a.pk, world.case_a.pk
    pages = [
        ("household step", world.applicant, f"/my/applications/{draft}/step/household/"),
        ("housing step", world.applicant, f"/my/applications/{draft}/step/housing/"),
        ("messages", world.applicant, reverse("conversations:mine")),
        ("journal", world.caseworker_a, reverse("journals:case", args=[case])),
        ("investigation", world.caseworker_a, reverse("investigations:investigation", args=[case])),
    ]
    print(f"{'page':<16}{'kB':>6}{'fields':>8}{'GET ms':>9}{'fill ms':>9}{'fill/GET':>10}")
    ratios = []
    for name, user, url in pages:
        client = client_for(user)
        html = client.get(url).content.decode()
        form = next(f for f in forms_sent(html, page_url=url, within="main") if f.action == url)
        fields = [(n, "12" if n in form.typed else v) for n, v in form.fields]
        assert form_refilled(html, action=url, page_url=url, fields=fields) is not None, name
        get_ms = _median_ms(lambda client=client, url=url: client.get(url))
        fill_ms = _median_ms(
            lambda html=html, url=url, fields=fields: form_refilled(
                html, action=url, page_url=url, fields=fields
            )
        )
        ratios.append(fill_ms / get_ms)
        print(
            f"{name:<16}{len(html) / 1024:>6.1f}{len(fields):>8}{get_ms:>9.2f}{fill_ms:>9.2f}"
            f"{fill_ms / get_ms:>10.2f}"
        )
    print(f"median ratio fill/GET: {statistics.median(ratios):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
