"""Form widgets that render without a template per option.

Django renders each ``<option>`` of a select through its own template include: the
vacancy search form, with six menus, spent a fifth of the list page's time there.
These widgets write the same HTML in Python.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class Select(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = widget["optgroups"]
        if any(group_name for group_name, _options, _index in groups):
            return super().render(name, value, attrs, renderer)  # <optgroup>s: Django's way
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _group_name, group_options, _index in groups
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options
        )
