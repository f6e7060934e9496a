"""The server's worker processes: each job within its time and memory budget, a job over it
stopped and its worker replaced, and every other job unaffected."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Iterator

import pytest

from unspin.web import jobs as jobs_module
from unspin.web.jobs import Busy, Job, Jobs
from unspin.web.workers import Budget, Cancelled, OverBudget, Workers


@pytest.fixture(scope="module")
def workers() -> Iterator[Workers]:
    pool = Workers(1, None, Budget(seconds=3, memory=400_000_000))
    yield pool
    pool.shutdown()


def test_a_job_runs_in_a_worker_and_its_errors_come_back_as_they_were(workers: Workers) -> None:
    assert workers.run(pow, 2, 10) == 1024
    assert workers.run(os.getpid) != os.getpid()
    with pytest.raises(ValueError, match="invalid literal"):
        workers.run(int, "ten")


def test_a_job_over_its_time_is_stopped_and_its_worker_replaced(workers: Workers) -> None:
    first = workers.run(os.getpid)
    started = time.monotonic()
    with pytest.raises(OverBudget, match=r"^stopped after 3 s, the time one job may take"):
        workers.run(time.sleep, 60)
    assert time.monotonic() - started < 10
    assert workers.run(os.getpid) != first  # a new worker, serving the next job
    assert workers.run(pow, 3, 2) == 9


def test_a_job_over_its_memory_is_stopped_and_its_worker_replaced(workers: Workers) -> None:
    with pytest.raises(OverBudget, match=r"needed more than 0.4 GB, the memory one job may use"):
        workers.run(bytearray, 2_000_000_000)
    assert workers.run(pow, 2, 3) == 8


def test_a_worker_that_dies_is_replaced(workers: Workers) -> None:
    with pytest.raises(OverBudget, match="ran out of memory or crashed"):
        workers.run(os._exit, 9)
    assert workers.run(pow, 2, 4) == 16


def test_a_cancelled_job_stops_at_once(workers: Workers) -> None:
    started = time.monotonic()
    with pytest.raises(Cancelled):
        workers.run(time.sleep, 60, cancelled=lambda: True)
    assert time.monotonic() - started < 2
    assert workers.run(pow, 2, 5) == 32


def test_a_job_whose_client_went_away_is_cancelled() -> None:
    jobs = Jobs(1)

    def work(job: Job) -> dict:
        deadline = time.monotonic() + 30
        while not job.cancelled and time.monotonic() < deadline:
            time.sleep(0.05)
        raise Cancelled("cancelled: nobody waits for it any more")

    async def gone() -> bool:
        return True

    job = jobs.submit("compare", work)
    asyncio.run(jobs.wait(job, gone=gone))
    assert (job.state, job.error_type, job.cancelled) == ("failed", "cancelled", True)
    jobs.shutdown()


class _Held:
    """Jobs(1) (two analysis threads) with both threads busy until `release` is set."""

    def __init__(self) -> None:
        self.jobs, self.release = Jobs(1), threading.Event()
        self.running = [self.jobs.submit("compare", self.work) for _ in range(2)]
        while any(j.state == "queued" for j in self.running):
            time.sleep(0.01)

    def work(self, job: Job) -> dict:
        self.release.wait(30)
        return {}


def test_past_so_many_waiting_jobs_a_new_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs_module, "QUEUED", 2)
    held = _Held()
    jobs = held.jobs
    waiting = [jobs.submit("compare", held.work) for _ in range(2)]
    with pytest.raises(Busy, match="2 jobs are waiting already; try again in a minute"):
        jobs.submit("compare", held.work)
    jobs.submit("corpus", held.work, pool="upload")  # another pool's queue is its own
    held.release.set()
    for job in held.running + waiting:
        asyncio.run(jobs.wait(job))
    jobs.submit("compare", held.work)  # room again
    jobs.shutdown()


def test_jobs_the_shutdown_cancels_end_and_leave_room(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs_module, "QUEUED", 1)
    held = _Held()
    waiting = held.jobs.submit("compare", held.work)
    held.jobs.shutdown()
    held.release.set()
    assert (waiting.state, waiting.error_type) == ("failed", "cancelled")
    again = held.jobs.submit("compare", held.work)  # served again: nothing waits, there is room
    asyncio.run(held.jobs.wait(again))
    held.jobs.shutdown()


def test_a_worker_killed_between_jobs_is_replaced_before_the_next_job(workers: Workers) -> None:
    import signal

    os.kill(workers.run(os.getpid), signal.SIGKILL)
    time.sleep(0.5)
    assert workers.run(pow, 2, 6) == 64  # the next job does not pay for it
