"""The project's Jinja2 environment: `ui.jinja`'s, with what the site's layout
(`portal/layout.jinja`) shows of the apps, and what a page of one app shows of
another that its layer may not import (an agency's page lists its vacancies)."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info

from agencies import reasons
from applications import selectors as applications
from guidance.templatetags.guidance_tags import stage_links
from portal.layout import site_footer, site_head_links, site_navigation
from ui.jinja import environment as ui_environment
from vacancies.card import card_html
from vacancies.templatetags.vacancy_lists import agency_vacancies


def language_links(request):
    """Links to the current page, query string kept, in every portal language.

    Every page URL starts with its language code, so swapping the prefix keeps
    the reader on the same page (a 404 page included). Plain links work without
    JavaScript and can be shared; each names its language in that language, so a
    reader finds their own. Without a request, each links to its home page.
    """
    current = get_language()
    path = request.get_full_path() if request else ""
    prefix = f"/{current}/"
    rest = path.removeprefix(prefix) if path.startswith(prefix) else ""
    return [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": f"/{code}/{rest}",
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


def has_applied(request, vacancy):
    """Has the signed-in reader applied to this vacancy (the vacancy page's "Apply"
    box)? A visitor has not."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and applications.has_applied(user, vacancy))


def environment(**options):
    env = ui_environment(**options)
    env.globals.update(
        language_links=language_links,
        stage_links=stage_links,
        has_applied=has_applied,
        agency_vacancies=agency_vacancies,
        card_html=card_html,
        site_head_links=site_head_links,
        site_navigation=site_navigation,
        site_footer=site_footer,
    )
    env.filters.update(licence_text=reasons.shown)
    return env
