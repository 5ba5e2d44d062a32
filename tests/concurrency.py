"""Calls made at the same moment from threads, each on a database connection of its own (as
requests on two app servers are), for the races PostgreSQL can really run."""

import threading
from collections.abc import Callable

from django.db import connection


def at_the_same_moment[T](calls: list[Callable[[], T]], timeout: float = 60) -> list[T | Exception]:
    """Each call's result, or the exception it raised, in the order given."""
    start = threading.Barrier(len(calls))
    results: list[T | Exception | None] = [None] * len(calls)

    def run(index: int, call: Callable[[], T]) -> None:
        try:
            start.wait(timeout=10)
            results[index] = call()
        except Exception as error:
            results[index] = error
        finally:
            connection.close()  # this thread's own

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results
