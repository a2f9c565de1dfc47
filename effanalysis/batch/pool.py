"""Where the render tasks run: local worker processes, or a Dask cluster.

The local pool keeps its own workers (spawned, one task at a time each) so it
knows which task each one holds: when a worker dies (killed, out of memory),
only its task is affected, and that task is tried once more on a fresh worker
before it is marked failed. A pool of concurrent.futures fails every pending
task when one worker dies.
"""
from __future__ import annotations

import os
import signal
import sys
import uuid
from collections import Counter, deque
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from typing import Iterable, Iterator

from ..errors import InputError
from .signals import Interrupted, kill_kernels, stop_renders, stopping
from .tasks import render_task

WORKER_RETRIES = 1
STOP_SECONDS = 10   # for a busy worker told to stop to stop its kernel and remove its files


def _worker(conn: Connection) -> None:
    """A worker process: render the tasks it is sent until it is sent None. SIGTERM (sent by
    the batch when it stops) stops the render under way through its `finally`s: the kernel is
    shut down, the scratch directory removed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is for the batch, which stops us
    try:
        with stopping((signal.SIGTERM,)):
            while True:
                try:
                    task = conn.recv()
                except EOFError:
                    return
                if task is None:
                    return
                conn.send(render_task(task))
    except Interrupted as exc:
        stop_renders()
        sys.exit(exc.exit_status)


@dataclass(eq=False)
class _Worker:
    process: object
    conn: Connection


def _lost(task: dict, exitcode: int | None, attempts: int) -> dict:
    how = f"killed by {signal.Signals(-exitcode).name}" if exitcode and exitcode < 0 else f"exit status {exitcode}"
    return {"name": task["name"], "kind": task["kind"], "key": task["key"], "status": "failed", "html": None,
            "error": f"worker lost ({how}), {attempts} times", "summary": {}, "seconds": None}


class LocalPool:
    """`jobs` worker processes, spawned: a forked worker would inherit this process's ZeroMQ
    context and event loop (after a kernel ran here), and its kernels then fail to shut down.
    jobs=1 renders in this process."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.workers: list[_Worker] = []
        self.busy: dict[_Worker, dict] = {}   # worker → the task it holds
        self.lost = 0            # workers that died holding a task
        self._ctx = get_context("spawn")

    def _start(self) -> _Worker:
        here, there = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker, args=(there,), daemon=True, name="effanalysis-worker")
        process.start()
        there.close()
        w = _Worker(process, here)
        self.workers.append(w)
        return w

    def _drop(self, w: _Worker) -> None:
        w.conn.close()
        w.process.join(timeout=5)
        self.workers.remove(w)

    def run(self, tasks: list[dict]) -> Iterator[dict]:
        if self.jobs <= 1:
            for t in tasks:
                yield render_task(t)
            return
        queue, attempts = deque(tasks), Counter()
        idle: list[_Worker] = []
        busy = self.busy
        while queue or busy:
            while queue and len(busy) < self.jobs:
                w = idle.pop() if idle else self._start()
                task = queue.popleft()
                try:
                    w.conn.send(task)
                except OSError:   # died while idle: not the task's fault
                    queue.appendleft(task)
                    self._drop(w)
                    continue
                busy[w] = task
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for w in list(busy):
                outcome = None
                if w.conn in ready:
                    try:
                        outcome = w.conn.recv()
                    except (EOFError, OSError):
                        outcome = None
                if outcome is not None:
                    del busy[w]
                    idle.append(w)
                    yield outcome
                elif w.conn in ready or w.process.sentinel in ready:   # died with the task
                    task = busy.pop(w)
                    w.process.join(timeout=5)
                    exitcode = w.process.exitcode
                    self._drop(w)
                    self.lost += 1
                    attempts[task["name"]] += 1
                    if attempts[task["name"]] <= WORKER_RETRIES:
                        queue.appendleft(task)   # on a fresh worker
                    else:
                        yield _lost(task, exitcode, attempts[task["name"]])

    def close(self) -> None:
        """Stop the workers: idle ones are told to exit; busy ones (an interrupted batch) are sent
        SIGTERM, which stops their kernels and removes their files, and killed if that takes
        longer than STOP_SECONDS (their kernels then exit with them, their scratch directories are
        swept by the batch)."""
        for w in self.workers:
            if w in self.busy:
                w.process.terminate()
                continue
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in list(self.workers):
            w.process.join(timeout=STOP_SECONDS if w in self.busy else 2)
            if w.process.is_alive():
                kill_kernels(w.process.pid)   # they would outlive it by a second (ipykernel polls its parent)
                w.process.kill()
                w.process.join(timeout=5)
            w.conn.close()
        self.workers.clear()
        self.busy.clear()


class DaskPool:
    """The same tasks on a Dask distributed cluster (`pip install effanalysis[distributed]`)."""

    def __init__(self, scheduler):
        try:
            from distributed import Client
        except ImportError:
            raise InputError(None, "--scheduler needs Dask distributed: pip install 'effanalysis[distributed]'") from None
        self.own = not hasattr(scheduler, "submit")
        self.lost = 0
        try:
            self.client = Client(scheduler, timeout="20s") if self.own else scheduler
        except OSError as exc:
            raise InputError(None, f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None

    def run(self, tasks: list[dict]) -> Iterable[dict]:
        from distributed import as_completed as dask_completed

        run = uuid.uuid4().hex[:8]   # task names for the dashboard, unique to this run
        # the scheduler itself moves the task of a worker that dies to another worker
        futures = {self.client.submit(render_task, t, key=f"effanalysis-{t['name']}-{run}", pure=False): t
                   for t in tasks}
        for fut in dask_completed(list(futures)):
            task = futures[fut]
            try:
                yield fut.result()
            except BaseException as exc:  # noqa: BLE001 — KilledWorker: its workers kept dying
                yield {"name": task["name"], "kind": task["kind"], "key": task["key"], "status": "failed",
                       "html": None, "error": f"worker lost: {exc.__class__.__name__}: {exc}", "summary": {},
                       "seconds": None}

    def close(self) -> None:
        if self.own:
            self.client.close()


def pool_for(scheduler, jobs: int | None, n_tasks: int):
    if scheduler:
        return DaskPool(scheduler)
    n = jobs or os.cpu_count() or 1
    return LocalPool(max(1, min(n, n_tasks)))
