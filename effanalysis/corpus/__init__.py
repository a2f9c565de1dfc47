"""Many reports at once: text reuse, figures across documents, trends over years."""
from __future__ import annotations

from .reuse import Reuse, ReuseOptions, find_reuse

__all__ = ["Reuse", "ReuseOptions", "find_reuse"]
