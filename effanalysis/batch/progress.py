"""Progress of a batch: a tqdm bar on a terminal, one plain line per page otherwise."""
from __future__ import annotations

import sys

from ..errors import one_line


class Progress:
    """A tqdm bar on a terminal, one plain line per page otherwise."""

    def __init__(self, total: int, stream=None, bar: bool | None = None):
        self.stream = stream or sys.stderr
        self.total, self.done = total, 0
        use_bar = self.stream.isatty() if bar is None else bar
        self.bar = None
        if use_bar and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="page", file=self.stream, dynamic_ncols=True)

    def update(self, outcome: dict, label: str) -> None:
        self.done += 1
        status = outcome["status"]
        label = one_line(str(label))
        if self.bar is not None:
            self.bar.set_postfix_str(f"{status} {label[:30]}", refresh=False)
            self.bar.update(1)
        else:
            secs = f" ({outcome['seconds']:.1f} s)" if outcome.get("seconds") is not None else ""
            err = f": {one_line(str(outcome['error']))}" if outcome.get("error") else ""
            width = len(str(self.total))
            print(f"[{self.done:>{width}}/{self.total}] {status} {label}{secs}{err}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
