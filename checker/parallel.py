"""Map a function over items in worker processes, in order, or inline when that is cheaper."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

POOL_MIN = 16  # fewer items than this run inline: a pool takes time to start
Progress = Callable[[int, int], None]

_STATE: dict[str, Any] = {}


def ordered_map(func: Callable[[T], R], items: Sequence[T], jobs: int | None,
                state: dict[str, Any], progress: Progress | None = None) -> Iterator[R]:
    """Yield func(item) for each item, in order; state is what func finds in worker_state().

    Results come back in the items' order whatever the number of processes, so output stays
    deterministic.
    """
    jobs = jobs or os.cpu_count() or 1
    if progress:
        progress(0, len(items))
    if jobs == 1 or len(items) < POOL_MIN:
        _STATE.update(state)
        yield from _counted((func(i) for i in items), len(items), progress)
        return
    import multiprocessing  # imported here: a run that stays inline never pays for them
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    chunk = max(1, min(32, len(items) // (jobs * 8)))
    with ProcessPoolExecutor(min(jobs, len(items)), mp_context=context,
                             initializer=_init_worker, initargs=(state,)) as pool:
        try:
            yield from _counted(pool.map(func, items, chunksize=chunk), len(items), progress)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def worker_state() -> dict[str, Any]:
    """What ordered_map handed to the workers (or to the inline run)."""
    return _STATE


def _counted(results: Iterable[R], total: int, progress: Progress | None) -> Iterator[R]:
    for done, result in enumerate(results, start=1):
        if progress:
            progress(done, total)
        yield result


def _init_worker(state: dict[str, Any]) -> None:
    """Set up a worker: Ctrl-C is the parent's to handle, and it dies with the parent."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STATE.update(state)
    parent = os.getppid()

    def watch() -> None:  # a killed parent leaves no orphaned workers behind
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
