from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.inclusion_tag("portal/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page, query string kept, in every portal language.

    Every page URL starts with its language code, so swapping the prefix keeps
    the reader on the same page (a 404 page included). Plain links work without
    JavaScript and can be shared; each names its language in that language, so a
    reader finds their own.
    """
    current = get_language()
    path = context["request"].get_full_path()
    prefix = f"/{current}/"
    rest = path.removeprefix(prefix) if path.startswith(prefix) else ""
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": f"/{code}/{rest}",
                "current": code == current,
            }
        )
    return {"languages": languages}
