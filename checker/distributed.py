"""Digest reports on a Dask cluster: the index build's reading, spread over many machines.

Reading and digesting a report is the expensive, independent part of building an index, so it
is the part sent to the cluster: the files are cut into partitions in path order, each worker
digests a partition and returns its stored rows (compressed digests, skips, series profiles),
and the results are taken back in the partitions' order. The machine running `factlint index`
then writes them and gathers the series exactly as the single-machine path does, so the
index, and every finding read from it, is the same whichever path built it.

The workers must have factlint installed (the same version) and see the files at the same
paths as the machine that runs the command (a shared file system). `dask[distributed]` is an
optional extra: `pip install 'factlint[dask]'`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from checker.errors import UsageError
from checker.parallel import Progress, install_state

T = TypeVar("T")
R = TypeVar("R")

LOCAL = "local"  # "local" or "local:N": a cluster of N worker processes on this machine
LOCAL_WORKERS = 2
PARTITIONS_PER_WORKER = 4  # enough partitions to balance the workers, few enough to be cheap
CONNECT_TIMEOUT = "10s"


def dask_map(
    func: Callable[[T], R],
    items: Sequence[T],
    scheduler: str,
    state: dict[str, Any],
    progress: Progress | None = None,
) -> Iterator[R]:
    """Yield func(item) for each item, in order, computed on the Dask cluster at scheduler
    (an address such as tcp://10.0.0.5:8786, or "local[:N]"); func finds state in
    worker_state(), as it does in the process pool."""
    if progress:
        progress(0, len(items))
    if not items:
        return
    with _client(scheduler) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = max(1, -(-len(items) // (workers * PARTITIONS_PER_WORKER)))
        parts = [list(items[i : i + size]) for i in range(0, len(items), size)]
        futures = client.map(_apply_part, parts, work=func, state=state, pure=False)
        done = 0
        for future in futures:  # in the partitions' order, whatever order they finish in
            results = future.result()
            done += len(results)
            if progress:
                progress(done, len(items))
            yield from results


def _apply_part(part: list[T], work: Callable[[T], R], state: dict[str, Any]) -> list[R]:
    install_state(state)
    return [work(item) for item in part]


@contextlib.contextmanager
def _client(scheduler: str) -> Iterator[Any]:
    """A client of the scheduler; for "local[:N]" a cluster of N processes it starts and ends."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs the optional extra: pip install 'factlint[dask]'") from None
    if scheduler == LOCAL or scheduler.startswith(LOCAL + ":"):
        workers = _local_workers(scheduler)
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    with client:
        yield client


def check_scheduler(scheduler: str) -> None:
    """A bad local cluster size is a usage error before anything is read or written."""
    if scheduler == LOCAL or scheduler.startswith(LOCAL + ":"):
        _local_workers(scheduler)


def _local_workers(scheduler: str) -> int:
    _, _, count = scheduler.partition(":")
    if not count:
        return LOCAL_WORKERS
    if not count.isdigit() or int(count) < 1:
        raise UsageError(f"--dask {scheduler}: expected local:N with N at least 1")
    return int(count)
