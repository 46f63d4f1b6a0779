from django import template

from directory.context import directory_context

register = template.Library()


@register.inclusion_tag("directory/_for_page.html")
def help_directory(country="", need="", limit=6):
    """The organisations of a country (and need) as the shared list shows them."""
    return directory_context(country=country, needs=[need] if need else [], limit=limit)
