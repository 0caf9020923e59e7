"""A status badge as a hand-written SVG (the flat style of shields.io), no image library.

Widths are estimated from character counts (Verdana 11 px averages about 7 px per
character): close enough for a badge, and the text is scaled with `textLength` so it always
fits its box.
"""

from __future__ import annotations

from html import escape
from typing import Final

COLORS: Final = {
    "passing": "#4c1",
    "failing": "#e05d44",
    "error": "#fe7d37",
    "paused": "#9f9f9f",
    "no data": "#9f9f9f",
}

_TEMPLATE: Final = """\
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" \
aria-label="{label}: {message}">
<title>{label}: {message}</title>
<linearGradient id="s" x2="0" y2="100%">
<stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/>
</linearGradient>
<clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)">
<rect width="{left}" height="20" fill="#555"/>
<rect x="{left}" width="{right}" height="20" fill="{color}"/>
<rect width="{width}" height="20" fill="url(#s)"/>
</g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" \
font-size="11">
<text x="{left_mid}" y="14" fill="#010101" fill-opacity=".3" textLength="{left_text}">{label}</text>
<text x="{left_mid}" y="13" textLength="{left_text}">{label}</text>
<text x="{right_mid}" y="14" fill="#010101" fill-opacity=".3" textLength="{right_text}">\
{message}</text>
<text x="{right_mid}" y="13" textLength="{right_text}">{message}</text>
</g>
</svg>
"""

_CHAR_PX: Final = 7
_PADDING: Final = 10
MAX_LABEL: Final = 40


def _text_px(text: str) -> int:
    return max(len(text), 1) * _CHAR_PX


def render_badge(label: str, status: str, uptime_pct: float | None) -> str:
    """`label | status 99.9%`; `status` is a key of COLORS."""
    label = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
    message = status if uptime_pct is None else f"{status} {format_pct(uptime_pct)}"
    left_text, right_text = _text_px(label), _text_px(message)
    left, right = left_text + 2 * _PADDING, right_text + 2 * _PADDING
    return _TEMPLATE.format(
        width=left + right,
        left=left,
        right=right,
        left_mid=left / 2,
        right_mid=left + right / 2,
        left_text=left_text,
        right_text=right_text,
        label=escape(label),
        message=escape(message),
        color=COLORS.get(status, COLORS["no data"]),
    )


def format_pct(value: float) -> str:
    """100%, 99.9%, 97.5%: one decimal unless whole, never rounded up to 100%."""
    if value >= 100:
        return "100%"
    floored = int(value * 10) / 10
    return f"{floored:g}%"
