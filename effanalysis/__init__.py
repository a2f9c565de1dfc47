"""effanalysis: analysis workbook for Chinese official reports."""
from __future__ import annotations

from .errors import InputError
from .report import Report, default_source, iter_reports, load

__version__ = "0.1.0"
__all__ = ["load", "iter_reports", "Report", "InputError", "default_source", "__version__"]
