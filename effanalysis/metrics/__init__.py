"""Quantitative claims of a report (one row each) and the audit of them."""
from __future__ import annotations

from .claims import CLAIM_COLUMNS, claim_rows, claims_from_text
from .status import STATUS_COLUMNS, annotated_frame

__all__ = ["CLAIM_COLUMNS", "STATUS_COLUMNS", "extract_claims", "claims_from_text", "claim_rows", "audit_claims",
           "write_claims"]


def extract_claims(report):
    """One row per quantitative claim of a Report, with its status, period and indicator."""
    return annotated_frame(report)


def audit_claims(claims, report=None):
    from .audit import audit_claims as _audit

    return _audit(claims, report)


def write_claims(reports, stream, fmt: str = "csv", audit: bool = False):
    from .io import write_claims as _write

    return _write(reports, stream, fmt=fmt, audit=audit)
