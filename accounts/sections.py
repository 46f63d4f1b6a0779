"""Sections of the account page that other apps add (profile, applications,
help requests, alerts...), without accounts importing them.

An app registers a template in its AppConfig.ready()::

    from accounts.sections import register_section
    register_section("applications/account_section.html", order=20)

The template is included in the account page with the page's context (``user``,
``request``); it should render one ``<section>`` with an ``<h2>``.
"""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Section:
    order: int
    template: str


_sections: set[Section] = set()


def register_section(template, *, order=50):
    _sections.add(Section(order, template))


def account_sections():
    """Templates to include, in order."""
    return [section.template for section in sorted(_sections)]
