"""Form widgets that render without a template per option.

Django renders each ``<option>`` of a select through its own template include, and
builds a dict of a dozen keys for it first: the vacancy search form, with six menus,
spent a fifth of the list page's time there, and the ban check's 250 countries half
of its page's. These widgets write the same HTML in Python.
"""

import functools

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from markupsafe import escape


class Select(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        # Through iter(): list() would ask a model menu's len() first, a COUNT query.
        choices = list(iter(self.choices))
        if any(isinstance(label, (list, tuple)) for _value, label in choices):
            return super().render(name, value, attrs, renderer)  # <optgroup>s: Django's way
        chosen = set(self.format_value(value))
        options = []
        has_selected = False
        for option_value, label in choices:
            option_value = "" if option_value is None else str(option_value)
            # As Django's `optgroups`: one selected option unless several are allowed.
            selected = option_value in chosen and (self.allow_multiple_selected or not has_selected)
            has_selected |= selected
            options.append(_option(option_value, str(label), selected))
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        return mark_safe(  # noqa: S308 - every value and label is escaped (`_option`)
            f'<select name="{escape(name)}"{flatatt(final_attrs)}>{"".join(options)}</select>'
        )


@functools.lru_cache(maxsize=4096, typed=True)
def _option(value, label, selected):
    """An option's HTML, written once per value, label and state: the ban check's
    menu escaped 250 countries' names on every form, half of its widgets' time.
    The label is of the key, so each language's has its own, and so is its type:
    a label marked safe is written as it is, and must never answer for the same
    text unmarked, which is escaped (``typed``)."""
    return (
        f'<option value="{escape(value)}"{" selected" if selected else ""}>{escape(label)}</option>'
    )
