"""The kernels a test's process has started, read safely while processes come and go."""
from __future__ import annotations


def kernel_children(process) -> list[int]:
    """Pids of the running ipykernel processes below `process` (a psutil.Process). A child that
    exits between being listed and being read (gone, or a zombie not yet reaped) is not running."""
    import psutil

    pids = []
    for child in process.children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE and "ipykernel_launcher" in " ".join(child.cmdline()):
                pids.append(child.pid)
        except psutil.Error:
            continue
    return pids
