"""What the reader of the vacancy list has asked for, in words: each active filter
as a chip that removes it, how many filters are folded away, and the sort links.

It reads only the request's query and the bound filter form; the search itself is
`vacancies.selectors.search`."""

from dataclasses import dataclass

from django.utils.formats import number_format

# The parameters that are not filters: the text box stays outside the folded
# filters, the order and the page are not narrowing anything.
NOT_FOLDED = {"q", "sort", "page"}
NOT_FILTERS = {"sort", "page"}


@dataclass(frozen=True)
class Chip:
    name: str
    label: str
    value: str
    remove_query: str


def active_filters(filterset, query):
    """The chips of the filters set in ``query`` (a QueryDict) that the form accepted."""
    form = filterset.form
    if not form.is_bound or not form.is_valid():
        return []
    chips = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name in NOT_FILTERS or value in (None, "", False):
            continue
        remaining = query.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        chips.append(Chip(name, str(field.label), _shown(field, value), remaining.urlencode()))
    return chips


def folded_count(chips):
    """How many of the active filters are inside the folded part of the form."""
    return sum(1 for chip in chips if chip.name not in NOT_FOLDED)


def _shown(field, value):
    if value is True:
        return ""
    if hasattr(field, "choices"):
        for choice, label in field.choices:
            if str(choice) == str(value):
                return str(label)
        return str(value)
    if isinstance(value, int | float) or hasattr(value, "quantize"):
        return number_format(value, decimal_pos=0, force_grouping=True)
    return str(value)


def sort_links(filterset, query):
    """(label, query, current) of each order the list offers."""
    field = filterset.form.fields["sort"]
    current = filterset.form.data.get("sort") or "newest"
    links = []
    for value, label in field.choices:
        ordered = query.copy()
        ordered.pop("page", None)
        if value == "newest":
            ordered.pop("sort", None)
        else:
            ordered["sort"] = value
        links.append((label, ordered.urlencode(), value == current))
    return links
