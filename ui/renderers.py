"""The form renderer: Django's own widget and form templates, in their Jinja2 version.

Every ``{{ field }}`` of every form renders its widget through a template, and with
Django's template language a text box cost about a fifth of a millisecond (its
``attrs.html`` include and the loop over attributes): the ban check's six boxes and
the error lists were a tenth of its page. Django ships the same templates for
Jinja2 (``django/forms/jinja2``), which render the same HTML several times faster.
A template that only exists for Django's language (the admin's widgets) is still
found there.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist
from django.utils.functional import cached_property


class FormRenderer(BaseRenderer):
    @cached_property
    def jinja2(self):
        return Jinja2()

    @cached_property
    def django(self):
        return DjangoTemplates()

    def get_template(self, template_name):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
