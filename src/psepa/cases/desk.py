"""The intake desk: requests from many callers at once, committed together (group commit).

Every intake must be durable before it is acknowledged, and a durable commit waits for the disk
(about 4 ms on this machine's disk, whatever the database). One commit per request would cap the
jail at a few hundred requests a second however fast the rest is. The desk lets any number of
threads (the HTTP server's workers, an importer) hand in requests; one writer thread takes
whatever has queued up, writes it in one transaction (`Cases.commit_prepared`) and answers every
caller once the commit is on disk. The writer keeps taking requests while the next arrives
within `GAP` (0.3 ms) of the last: a lone caller waits that long and no more, while callers
arriving together (whose answers wake them one at a time, each needing the interpreter's lock)
land in one batch instead of trickling into the next. Measured with `bench/cases.py`'s desk run on
SQLite: 16 threaded callers went from about 1,230 to 1,750 intakes a second, 64 from about 930
to 2,500, and a lone caller from about 300 to 285.

If a batch fails as a whole (one request conflicts with a stored one, or names an unknown
booking), the desk retries its requests one by one, so each caller gets its own answer and one
bad request never sinks the others.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from types import TracebackType

from psepa.cases.intake import IntakeItem, IntakeResult, Prepared, prepare
from psepa.cases.workflow import Cases
from psepa.errors import PsepaError


class DeskClosed(PsepaError):
    """The intake desk was closed; the request was not taken in."""


_Job = tuple[Prepared, "Future[IntakeResult]"]
GAP = 0.0003  # seconds the writer waits for one more request before it commits
_STOP = object()


class IntakeDesk:
    """A thread-safe front for `Cases.intake` that commits concurrent requests in groups."""

    def __init__(self, cases: Cases, max_batch: int = 500) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self.cases = cases
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[_Job | object] = queue.SimpleQueue()
        self._closed = False
        self._lock = threading.Lock()
        self.batches: list[int] = []  # the size of each committed batch, for measurement
        self._writer = threading.Thread(target=self._run, name="psepa-intake-desk", daemon=True)
        self._writer.start()

    def submit(self, item: IntakeItem) -> IntakeResult:
        """Take one request in; returns once it is durably stored (or raises why not)."""
        return self.submit_async(item).result()

    def submit_async(self, item: IntakeItem) -> Future[IntakeResult]:
        """Queue one request; the future completes once it is durably stored."""
        prepared = prepare(item)  # checked in the caller's thread: errors come back at once
        future: Future[IntakeResult] = Future()
        with self._lock:
            if self._closed:
                raise DeskClosed("the intake desk is closed; open a new one to take requests in")
            self._queue.put((prepared, future))
        return future

    def close(self) -> None:
        """Finish what is queued, then stop the writer."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        self._writer.join()

    def __enter__(self) -> IntakeDesk:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._queue.get()
            if first is _STOP:
                return
            jobs: list[_Job] = [first]  # type: ignore[list-item]
            while len(jobs) < self.max_batch:
                try:
                    more = self._queue.get(timeout=GAP)
                except queue.Empty:
                    break
                if more is _STOP:
                    stopping = True
                    break
                jobs.append(more)  # type: ignore[arg-type]
            self._commit(jobs)

    def _commit(self, jobs: Sequence[_Job]) -> None:
        try:
            results = self.cases.commit_prepared([prepared for prepared, _ in jobs])
        except Exception as exc:
            if len(jobs) == 1:
                jobs[0][1].set_exception(exc)
                return
            for job in jobs:  # one bad request must not sink the others
                self._commit([job])
            return
        self.batches.append(len(jobs))
        for (_, future), result in zip(jobs, results, strict=True):
            future.set_result(result)
