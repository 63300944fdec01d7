"""Worker processes started before the work is known, so that their own start-up overlaps the main process's.

`apigen generate` starts them first thing: they import datamodel-code-generator (about 0.8 s of CPU, most of
a small document's time) while the main process reads, validates and plans the spec, and later take the
models' documents. Forked that early they hold only the interpreter and what they import, not the main
process's parsed spec, so memory stays low. The renderer asks for them with `started()`.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any

_STARTED: list[WarmPool] = []


class WarmPool(Executor):
    """Forked processes running `initializer` as they start. `shutdown` ends them at once (multiprocessing's
    `Pool.terminate`): a run that needs none (all cached, or an error) does not wait for their start-up."""

    def __init__(self, processes: int, initializer: Callable[[], object]) -> None:
        self.processes = processes
        self._pool = multiprocessing.get_context("fork").Pool(processes, initializer=initializer)
        self._ended = False

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self._pool.apply_async(_trimmed, (fn, *args), kwargs, callback=future.set_result,
                               error_callback=future.set_exception)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """End the workers now (again: nothing). The renderer calls it as soon as its last result is in, so
        that their memory is not held while the main process finishes and writes the output."""
        if self._ended:
            return
        self._ended = True
        self._pool.terminate()
        self._pool.join()


def _trimmed(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)` in a worker, then the C heap it freed given back to the system (`malloc_trim`):
    datamodel-code-generator leaves 50-70 MiB of freed heap behind after a large document, which a worker
    would otherwise keep while it takes smaller ones."""
    try:
        return fn(*args, **kwargs)
    finally:
        _trim_heap()


def _trim_heap() -> None:
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        try:
            import ctypes

            _MALLOC_TRIM = ctypes.CDLL(None).malloc_trim  # glibc only
        except (OSError, AttributeError):
            _MALLOC_TRIM = False
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)


_MALLOC_TRIM: Any = None


def fork_call(fn: Callable[[], Any]) -> Future[Any]:
    """`fn()` in a process forked from this one as it is now, its result (or exception) in the future.

    The renderer gives it work over the loaded spec that would otherwise wait for this process (the SDK's
    mock fixtures, ~3 s on GitHub's spec): the child shares the spec's pages copy-on-write instead of being
    sent it, runs while this process plans and the warm workers wait for their first model, and ends when
    its result is sent, so its memory goes with it."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(fn, writer), daemon=True)
    process.start()
    writer.close()
    future: Future[Any] = Future()

    def receive() -> None:
        try:
            ok, value = reader.recv()
        except EOFError:
            ok, value = False, RuntimeError(f"a forked worker ended without a result (exit {process.exitcode})")
        finally:
            reader.close()
            process.join()
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    threading.Thread(target=receive, daemon=True).start()
    return future


def _send_result(fn: Callable[[], Any], writer: Any) -> None:
    import gc

    gc.freeze()  # the collector leaves the parent's objects alone: their pages stay shared, not copied
    try:
        result = (True, fn())
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
        result = (False, error)
    writer.send(result)
    writer.close()


def available() -> int:
    """Processes worth starting: the cores this process may run on, at most 4; 0 without `fork`."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, 4)


@contextmanager
def warm_pool(processes: int, initializer: Callable[[], object]) -> Iterator[WarmPool | None]:
    """`processes` workers (at most `available()`) for the duration of the block; none on one core."""
    processes = min(processes, available())
    if processes < 1 or available() < 2:
        yield None
        return
    pool = WarmPool(processes, initializer)
    _STARTED.append(pool)
    try:
        yield pool
    finally:
        _STARTED.remove(pool)
        pool.shutdown()


def started() -> WarmPool | None:
    """The pool `warm_pool` started, while its block lasts."""
    return _STARTED[-1] if _STARTED else None
