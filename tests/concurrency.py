"""Requests that arrive at once, as a double click or two tabs send them: each in its own thread,
on its own database connection, in its own transaction as the access gate runs a request, all
started together. Only PostgreSQL's row locks make such a race real; SQLite serialises it."""

import threading
from collections.abc import Callable

from django.db import connections, transaction


def at_once(*requests: Callable[[], object]) -> list[object]:
    """What each request returned, or the exception it raised, in the order given."""
    start = threading.Barrier(len(requests))
    outcomes: list[object] = [None] * len(requests)

    def run(index: int) -> None:
        try:
            start.wait()
            with transaction.atomic():
                outcomes[index] = requests[index]()
        except Exception as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
