"""Map a function over items in worker processes, in order, or inline when that is cheaper.

Workers never outlive the run: each watches the process that started the pool (not its own
parent, which is the fork server) and exits when it is gone, and the fork server and the
resource tracker exit once no worker holds them. A SIGTERM during the pool stops the run as
Ctrl-C does: the workers are ended and Interrupted is raised to the caller.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from checker.errors import Interrupted

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

T = TypeVar("T")
R = TypeVar("R")

POOL_MIN = 16  # fewer items than this run inline: a pool takes time to start
WINDOW = 4  # parts handed out ahead, a worker: enough to keep each busy, few to hold
Progress = Callable[[int, int], None]

_STATE: dict[str, Any] = {}


def ordered_map(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int | None,
    state: dict[str, Any],
    progress: Progress | None = None,
) -> Iterator[R]:
    """Yield func(item) for each item, in order; state is what func finds in worker_state().

    Results come back in the items' order whatever the number of processes, so output stays
    deterministic. jobs is at most one a CPU (default: one a CPU).
    """
    jobs = pool_size(jobs, len(items))
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
    with _terminate_interrupts():
        pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_init_worker, initargs=(state, os.getpid())
        )
        try:
            starts = iter(range(0, len(items), chunk))
            with _held_signals():  # the workers start here
                parts = deque(
                    pool.submit(_apply, func, items[i : i + chunk]) for i in islice(starts, jobs * WINDOW)
                )
            more = (pool.submit(_apply, func, items[i : i + chunk]) for i in starts)
            yield from _counted(_in_order(parts, more), len(items), progress)
        except BaseException:
            _stop(pool)
            raise
        pool.shutdown(wait=True)


def pool_size(jobs: int | None, items: int) -> int:
    """Processes for a run: as asked, but no more than the CPUs or the items (at least one)."""
    cpus = os.cpu_count() or 1
    return max(1, min(jobs or cpus, cpus, items))


def install_state(state: dict[str, Any]) -> None:
    """What worker_state() gives in this process from now on (set by a Dask worker's task)."""
    _STATE.clear()
    _STATE.update(state)


def worker_state() -> dict[str, Any]:
    """What ordered_map handed to the workers (or to the inline run)."""
    return _STATE


def _apply(func: Callable[[T], R], part: Sequence[T]) -> list[R]:
    return [func(item) for item in part]


def _in_order(parts: deque[Future[list[R]]], more: Iterator[Future[list[R]]]) -> Iterator[R]:
    """The results of the parts in order, each let go of once yielded; a part is handed out
    as one is taken back, so results never pile up ahead of a slower reader."""
    while parts:
        done = parts.popleft()
        parts.extend(islice(more, 1))
        yield from done.result()


def _counted(results: Iterable[R], total: int, progress: Progress | None) -> Iterator[R]:
    for done, result in enumerate(results, start=1):
        if progress:
            progress(done, total)
        yield result


def _stop(pool: Executor) -> None:
    """End a pool now: its workers are terminated rather than waited for (one may be deep in
    a large file), and the pool fails the work left. The futures are not cancelled first: a
    pool whose workers die fails on futures already cancelled."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError):  # already gone
            process.terminate()
    pool.shutdown(wait=True)


@contextlib.contextmanager
def _terminate_interrupts() -> Iterator[None]:
    """While the pool runs, SIGTERM raises Interrupted in the main thread as Ctrl-C does
    (unless the application handles SIGTERM itself), so the pool is shut down before the run
    exits."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return
    signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def _held_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while worker processes start, and are acted on once they have:
    a worker stopped half-way through starting is not yet the pool's to end, and prints a
    traceback of its own."""
    caught: list[tuple[int, Any]] = []
    held: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            if signal.getsignal(sig) is not None:  # None: not set from Python, left alone
                held[sig] = signal.signal(sig, lambda *received: caught.append(received))
    try:
        yield
    finally:
        for sig, handler in held.items():
            signal.signal(sig, handler)
        if caught:
            sig, frame = caught[0]
            if callable(held[sig]):
                held[sig](sig, frame)
            elif held[sig] == signal.SIG_DFL:
                signal.raise_signal(sig)


def _raise_interrupt(signum: int, frame: object) -> None:
    """SIGTERM, raised as an interrupt so that the run stops the way Ctrl-C stops it."""
    raise Interrupted()


def _init_worker(state: dict[str, Any], main_pid: int) -> None:
    """Set up a worker: Ctrl-C is the main process's to handle, and it dies with the main
    process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _STATE.update(state)
    threading.Thread(target=_watch, args=(main_pid,), daemon=True).start()


def _watch(main_pid: int) -> None:
    """Exit once the main process has ended (killed, even with SIGKILL): no orphaned
    workers. A pidfd tells at once; elsewhere the process is looked for twice a second."""
    try:
        fd = os.pidfd_open(main_pid)
    except (AttributeError, OSError) as err:  # no pidfd (not Linux 5.3+), or already gone
        if isinstance(err, ProcessLookupError):
            os._exit(1)
    else:
        import select

        poller = select.poll()
        poller.register(fd, select.POLLIN)
        while not poller.poll():
            pass
        os._exit(1)
    parent = os.getppid()
    while os.getppid() == parent and alive(main_pid):
        time.sleep(0.5)
    os._exit(1)


def alive(pid: int) -> bool:
    """Whether a process with this id exists (ours or not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but not ours to signal
        return True
    return True
