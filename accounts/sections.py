"""Sections that other apps add to the account page and to the privacy page,
without accounts importing them (apps above accounts register, accounts only
includes).

An app registers templates in its AppConfig.ready()::

    from accounts.sections import register_section, register_privacy_section
    register_section("applications/account_section.html", order=20)
    register_privacy_section("applications/privacy_section.html", order=20)

An account section is included in the account page with its context (``user``,
``request``) and renders one ``<section>`` with an ``<h2>`` (for example "My
profile", "My applications", "Download my data", "Delete my account"). A
privacy section says, truthfully to the app's code, what the app keeps about a
person, who sees it, and for how long; it renders one ``<section>`` with an
``<h2>``. Each app's words live in its own catalog.
"""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Section:
    order: int
    template: str


_account_sections: set[Section] = set()
_privacy_sections: set[Section] = set()


def register_section(template, *, order=50):
    _account_sections.add(Section(order, template))


def register_privacy_section(template, *, order=50):
    _privacy_sections.add(Section(order, template))


def account_sections():
    """Templates to include in the account page, in order."""
    return [section.template for section in sorted(_account_sections)]


def privacy_sections():
    """Templates to include in the privacy page, in order."""
    return [section.template for section in sorted(_privacy_sections)]
