"""Worker processes with a budget for each job: the server's CPU-bound work runs here.

concurrent.futures' ProcessPoolExecutor cannot stop one task: a task that runs too long holds
its process for ever, and a process the kernel kills for its memory breaks the whole pool, so
every later job fails until the server restarts. Here each job has its own worker for as long
as it runs; a job over its time budget, cancelled (its client went away) or killed for its
memory has that worker killed and replaced, and the other jobs never notice.

Memory: each worker's data segment is capped (RLIMIT_DATA: heap and anonymous mappings, not the
memory-mapped model and index files it shares), so a job that would need more fails with
MemoryError in the worker, which is then replaced.
"""

from __future__ import annotations

import multiprocessing
import queue
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from unspin.errors import UnspinError

T = TypeVar("T")
POLL = 0.1  # seconds between looks at a running job's worker, budget and cancellation


@dataclass(frozen=True, slots=True)
class Budget:
    seconds: float = 60.0  # wall-clock time one job may take in its worker
    memory: int = 3_000_000_000  # bytes of data a worker may hold (models ~0.5 GB included)


DEFAULT_BUDGET = Budget()


class OverBudget(UnspinError):
    """The job was stopped: over its time or memory budget."""


class Cancelled(UnspinError):
    """The job was stopped because nobody waits for it any more."""


def _serve(conn: Connection, initializer: Callable[[], None] | None, memory: int) -> None:
    """A worker's life: take a job, run it, send back ("ok", result) or ("error", exception)."""
    if memory:
        resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    if initializer is not None:
        initializer()
    while True:
        try:
            work, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", work(*args))
        except MemoryError:
            answer = ("memory", None)
        except Exception as error:  # sent back to the server, which decides what it means
            answer = ("error", error)
        try:
            conn.send(answer)
        except Exception as error:  # an answer that does not pickle
            conn.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))


class _Worker:
    def __init__(self, initializer: Callable[[], None] | None, memory: int) -> None:
        context = multiprocessing.get_context("spawn")  # fork would copy the server's threads
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, initializer, memory), daemon=True, name="unspin-worker"
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Workers:
    """`size` worker processes, started on first use; `run` waits for a free one."""

    def __init__(
        self, size: int, initializer: Callable[[], None] | None, budget: Budget = DEFAULT_BUDGET
    ) -> None:
        self.size, self.initializer, self.budget = size, initializer, budget
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._started = False

    def _new(self) -> _Worker:
        worker = _Worker(self.initializer, self.budget.memory)
        with self._lock:
            self._all.add(worker)
        return worker

    def run(
        self, work: Callable[..., T], *args: Any, cancelled: Callable[[], bool] = lambda: False
    ) -> T:
        """`work(*args)` in a worker; its exceptions are raised here. Raises OverBudget past
        the budget, Cancelled once `cancelled()` says so; either way the worker is replaced."""
        with self._lock:
            if not self._started:
                self._started = True
                start = self.size
            else:
                start = 0
        for _ in range(start):
            self._idle.put(self._new())
        worker = self._idle.get()
        if not worker.process.is_alive():  # died while idle (killed from outside): a new one
            self._retire(worker)
            worker = self._new()
        replace = False
        try:
            try:
                worker.conn.send((work, args))
            except OSError:  # the worker died while idle
                replace = True
                raise OverBudget("stopped: the job's worker had died (it was replaced)") from None
            deadline = time.monotonic() + self.budget.seconds
            while not worker.conn.poll(POLL):
                if cancelled():
                    replace = True
                    raise Cancelled("cancelled: nobody waits for it any more")
                if time.monotonic() > deadline:
                    replace = True
                    raise OverBudget(
                        f"stopped after {self.budget.seconds:g} s, the time one job may take "
                        "(shorter texts compare faster)"
                    )
                if not worker.process.is_alive():
                    break
            try:
                status, value = worker.conn.recv()
            except (EOFError, OSError):
                replace = True
                raise OverBudget(
                    "stopped: the job's worker ran out of memory or crashed (it was replaced)"
                ) from None
            if status == "memory":
                replace = True  # a worker that hit its limit may hold half-built state
                raise OverBudget(
                    f"stopped: the job needed more than {self.budget.memory / 1e9:g} GB, the "
                    "memory one job may use"
                )
            if status == "error":
                raise value
            return value  # type: ignore[no-any-return]
        finally:
            if replace:
                self._retire(worker)
                worker = self._new()
            self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)

    def shutdown(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
            self._started = False
        self._idle = queue.Queue()
        for worker in workers:
            worker.stop()
