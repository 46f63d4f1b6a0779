"""What the shared template ``directory/_for_page.html`` needs, for any page that
shows the organisations relevant to it (country guides, help pages, case
confirmations)::

    context.update(directory_context(country="RU", needs=["unpaid_wages"]))

and in the template ``{% include "directory/_for_page.html" %}``. Pages whose view
is not theirs to change use the tag instead: ``{% load directory_tags %}
{% help_directory country need %}``."""

from directory import selectors


def directory_context(country="", needs=(), limit=6):
    return {
        "directory_organisations": selectors.for_page(country, needs, limit),
        "directory_country": str(country or ""),
        "directory_need": needs[0] if len(needs) == 1 else "",
    }
