"""How the stage pages write their stored text and reach the three stages."""

from django import template

from guidance.models import Stage

register = template.Library()


@register.filter
def text_blocks(text):
    """The blocks of a stored text (see the `body` field's help): a paragraph is
    ``("p", text)``, a run of ``- `` lines is ``("ul", [item, ...])``. The
    template escapes every piece: editors write plain text, never HTML."""
    blocks = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(("ul", [line[2:] for line in lines]))
        else:
            blocks.append(("p", " ".join(lines)))
    return blocks


@register.filter
def first_block(text):
    """The first block of a text, for a one-page leaflet."""
    blocks = text_blocks(text)
    return blocks[:1]


@register.simple_tag
def stage_links():
    """(key, label) of the three stages, from their names in the catalogs: the
    navigation on every page costs no query."""
    return list(Stage.Key.choices)
