"""HTML escaping shared by the page sections and the measures' notes."""
from __future__ import annotations

import html


def esc(value) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)
