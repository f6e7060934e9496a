"""Work that outlives a request: a slow fetch, a comparison, a corpus upload.

Each job runs on a worker thread, off the server's event loop, so one user's long work never
holds up another's page; the job's state (stage, progress, result) can be read at any time by
its unguessable id. Analyses and corpus uploads have pools of their own: a big upload queues
behind other uploads, never in front of a comparison. An analysis thread hands its CPU-bound
part to a pool of worker processes (`in_process`). Jobs live in memory (the reports they
make are saved); the oldest finished ones are forgotten past `KEPT`.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from unspin.errors import UnspinError
from unspin.web.workers import DEFAULT_BUDGET, Budget, Cancelled, OverBudget, Workers

KEPT = 1_000  # finished jobs remembered

log = logging.getLogger(__name__)

State = Literal["queued", "running", "done", "failed"]


@dataclass
class Job:
    """One piece of work and how far it got. Written by its worker, read by anyone."""

    id: str
    kind: str  # "compare", "check" or "corpus"
    state: State = "queued"
    stage: str = "waiting for a worker"
    done: int = 0
    total: int | None = None
    result: dict[str, Any] | None = None  # what the work returned
    error: str | None = None  # one line, for a job that failed
    # why it failed: "invalid_request" (its input), "over_budget", "cancelled", "internal" (a bug)
    error_type: str | None = None
    cancelled: bool = False  # set when nobody waits for it any more: its worker is stopped
    created: float = field(default_factory=time.time)
    pool: str = "analysis"  # the threads it waits for

    def progress(self, stage: str, done: int = 0, total: int | None = None) -> None:
        self.stage, self.done, self.total = stage, done, total

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "state": self.state,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "result": self.result,
            "error": self.error,
        }


Work = Callable[[Job], dict[str, Any]]

# Jobs waiting for a thread of one pool, past which a new one is refused (Busy): each holds its
# inputs (up to ~10 MB) until it runs, and a client posting forms in a loop would grow the
# server's memory without bound.
QUEUED = 64


class Busy(Exception):
    """So many jobs wait already that a new one is refused; the client may try again later."""


T = TypeVar("T")


class Jobs:
    def __init__(
        self,
        analysis_workers: int,
        upload_workers: int = 1,
        process_initializer: Callable[[], None] | None = None,
        budget: Budget = DEFAULT_BUDGET,
    ) -> None:
        self._workers = Workers(analysis_workers, process_initializer, budget)
        self._sizes = {
            # Two threads per worker process: one reads the next inputs and saves the last
            # report while the process compares, so no process waits for its thread.
            "analysis": 2 * analysis_workers,
            "upload": upload_workers,
            "quick": 1,  # corpus counts and searches: never behind analyses or uploads
        }
        self._pools: dict[str, ThreadPoolExecutor] = {}
        self._jobs: dict[str, Job] = {}
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()

    def _pool(self, name: str) -> ThreadPoolExecutor:
        """The pool, started on first use (again after `shutdown`: an app can be served twice)."""
        with self._lock:
            if name not in self._pools:
                self._pools[name] = ThreadPoolExecutor(
                    self._sizes[name], thread_name_prefix=f"unspin-{name}"
                )
            return self._pools[name]

    def submit(self, kind: str, work: Work, *, pool: str = "analysis") -> Job:
        job = Job(secrets.token_urlsafe(16), kind, pool=pool)
        executor = self._pool(pool)
        with self._lock:
            waiting = sum(j.pool == pool and j.state == "queued" for j in self._jobs.values())
            if waiting >= QUEUED:
                raise Busy(f"{waiting} jobs are waiting already; try again in a minute")
            self._forget_old()
            self._jobs[job.id] = job
            self._futures[job.id] = executor.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    async def wait(self, job: Job, gone: Callable[[], Awaitable[bool]] | None = None) -> Job:
        """The job once it has finished, without holding up the event loop meanwhile. With
        `gone` (does the client still wait?), a job whose client left is cancelled."""
        finished = asyncio.wrap_future(self._futures[job.id])
        while gone is not None and not finished.done():
            await asyncio.wait({finished}, timeout=0.5)
            if not finished.done() and await gone():
                job.cancelled = True
        await finished
        return job

    def in_process(self, job: Job, work: Callable[..., T], *args: Any) -> T:
        """Run `work(*args)` in a worker process (one per analysis worker) and wait for it:
        CPU-bound Python, which threads of one process cannot run on two cores at once. The
        job's budget and cancellation apply (workers.py)."""
        return self._workers.run(work, *args, cancelled=lambda: job.cancelled)

    async def call(self, read: Callable[[], T]) -> T:
        """Run a quick read on a worker thread (where the corpus connections live) and await it."""
        return await asyncio.wrap_future(self._pool("quick").submit(read))

    def shutdown(self) -> None:
        """Cancel queued work; work under way finishes in the background."""
        with self._lock:
            pools, self._pools = self._pools, {}
        for pool in pools.values():
            pool.shutdown(wait=False, cancel_futures=True)
        with self._lock:  # a cancelled job never runs: it ends here, and waits for no room
            for job_id, future in self._futures.items():
                if future.cancelled():
                    job = self._jobs[job_id]
                    job.error, job.state = "the server stopped before it ran", "failed"
                    job.error_type = "cancelled"
        self._workers.shutdown()

    @staticmethod
    def _run(job: Job, work: Work) -> None:
        job.state = "running"
        try:
            job.result = work(job)
        except OverBudget as error:
            job.error, job.state, job.error_type = str(error), "failed", "over_budget"
        except Cancelled as error:
            job.error, job.state, job.error_type = str(error), "failed", "cancelled"
        except UnspinError as error:  # bad input: the user's to fix, said in one line
            job.error, job.state, job.error_type = str(error), "failed", "invalid_request"
        except Exception:  # a bug: the job fails, the server goes on
            log.exception("job %s (%s) failed", job.id, job.kind)
            job.error, job.state, job.error_type = (
                "internal error (in the server log)",
                "failed",
                "internal",
            )
        else:
            job.state = "done"
        job.progress("finished" if job.state == "done" else "failed", job.done, job.total)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.state in ("done", "failed")]
        for job in sorted(finished, key=lambda j: j.created)[: max(0, len(finished) - KEPT)]:
            del self._jobs[job.id]
            del self._futures[job.id]
