"""QR codes for the printed leaflets, drawn by segno as inline SVG: the page
carries its own code, so nothing is fetched from another host and the leaflet
prints the same offline."""

import segno
from django.utils.safestring import mark_safe

# Medium error correction: a leaflet on a notice board gets creased and stained.
ERROR_CORRECTION = "m"
SCALE = 4


def qr_svg(url, title):
    """The inline SVG of a QR code encoding exactly `url`, with an accessible title."""
    code = segno.make(url, error=ERROR_CORRECTION, micro=False)
    return mark_safe(code.svg_inline(scale=SCALE, title=title, dark="#000", light="#fff"))  # noqa: S308 - segno escapes the title
