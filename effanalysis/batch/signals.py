"""Stopping a batch when it is told to: SIGTERM (a scheduler, `kill`), SIGINT (Ctrl-C), SIGHUP.

Python's default for SIGTERM and SIGHUP is to die on the spot, cleaning nothing:
workers and their kernels go on rendering for a batch that is gone, and a
temporary page or a scratch directory holding a kernel's key is left behind.
Inside `stopping()` such a signal raises `Interrupted` in the main thread instead,
so every `finally` on the way out runs: the pool stops its workers (each stops
its kernel the same way), temporary files are removed, and the journal keeps
every page finished before, so a rerun renders only the rest.
"""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

import psutil   # imported here, not in a signal handler

from ..render import leftovers

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))


class Interrupted(KeyboardInterrupt):
    """The process was told to stop by signal `signum`; its exit status is 128 + signum."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signal.Signals(signum).name)

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


def _raise(signum, frame):
    # Once: a second signal while we clean up must not cut the clean-up short.
    for s in SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    # The kernels of our renders first: the way out of a cell or a start-up cut short does not
    # always shut its kernel down, and must not wait for one.
    kill_kernels(os.getpid())
    raise Interrupted(signum)


@contextmanager
def stopping(signals=SIGNALS) -> Iterator[None]:
    """Within the block, `signals` kill the kernels this process started and raise Interrupted
    (main thread only; a signal whose handler is not the default, e.g. SIGHUP ignored under
    nohup, is left as it is). Restored after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {}
    for s in signals:
        current = signal.getsignal(s)
        if current in (signal.SIG_DFL, signal.default_int_handler):
            old[s] = current
            signal.signal(s, _raise)
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def kill_kernels(pid: int) -> None:
    """Kill the kernels that process `pid` started for its renders, known by their connection
    file in its scratch directory (`effanalysis-<pid>-…`)."""
    mark = f"{leftovers.PREFIX}{pid}-"
    kernels = []
    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.Error:   # gone
        return
    for child in children:
        try:
            if mark in " ".join(child.cmdline()):
                child.kill()
                kernels.append(child)
        except psutil.Error:   # gone meanwhile
            pass
    psutil.wait_procs(kernels, timeout=5)


def stop_renders() -> None:
    """After an interrupted render in this process: no kernel of ours left (see _raise) and
    no scratch directory."""
    kill_kernels(os.getpid())
    leftovers.sweep_own()
