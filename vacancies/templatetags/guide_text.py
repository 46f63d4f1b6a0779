"""A country guide's text as HTML: editors write paragraphs separated by a blank line
and lists as lines that begin with "- ". Rendered as real lists, a guide is a third
shorter on a phone and a screen reader announces the items."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()

BULLETS = ("- ", "• ", "– ")
LINE_BREAK = SafeString("<br>")  # a constant, nothing of the text


@register.filter
def guide_text(text):
    html = []
    for block in str(text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        paragraph, items = [], []
        for line in lines:
            if line.startswith(BULLETS):
                if paragraph:
                    html.append(_paragraph(paragraph))
                    paragraph = []
                items.append(line[2:].strip())
            else:
                if items:
                    html.append(_list(items))
                    items = []
                paragraph.append(line)
        if paragraph:
            html.append(_paragraph(paragraph))
        if items:
            html.append(_list(items))
    return format_html_join("\n", "{}", ((part,) for part in html))


def _paragraph(lines):
    return format_html("<p>{}</p>", format_html_join(LINE_BREAK, "{}", ((line,) for line in lines)))


def _list(items):
    return format_html(
        "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in items))
    )
