"""The stage pages, their topics, and the one-page leaflets of each stage and each
country guide (printed at resource centres, kiosks and mosques, with a QR code
back to the page). Only what `Topic.objects.public` and
`vacancies.selectors.guide_sections` allow is shown."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from guidance import selectors
from guidance.models import Stage
from guidance.qr import qr_svg
from vacancies import selectors as vacancy_selectors
from vacancies.models import Country


@require_safe
def stage(request, stage):
    stage = get_object_or_404(Stage, key=stage)
    return render(
        request,
        "guidance/stage.html",
        {
            "stage": stage,
            "topics": selectors.stage_topics(stage),
            "benefits": selectors.benefit_topics(),
        },
    )


@require_safe
def topic(request, slug):
    topic = selectors.public_topic(slug)
    if topic is None:
        raise Http404
    return render(
        request,
        "guidance/topic.html",
        {"topic": topic, "guides": selectors.linked_guides(topic)},
    )


@require_safe
def stage_leaflet(request, stage):
    stage = get_object_or_404(Stage, key=stage)
    return _leaflet(
        request,
        stage.get_absolute_url(),
        {"title": stage.title, "stage": stage, "topics": selectors.stage_topics(stage)},
    )


@require_safe
def guide_leaflet(request, code):
    if not (code.isascii() and code.isalpha()):
        raise Http404
    country = get_object_or_404(Country, code=code.upper())
    sections = vacancy_selectors.guide_sections(country)
    if not sections:
        raise Http404
    return _leaflet(
        request,
        country.get_absolute_url(),
        {"title": str(country), "country": country, "sections": sections},
    )


def _leaflet(request, path, context):
    """A printable page with a QR code of the page's full address: the QR encodes
    exactly the address printed under it."""
    url = request.build_absolute_uri(path)
    return render(
        request,
        "guidance/leaflet.html",
        {
            **context,
            "page_url": url,
            "qr": qr_svg(url, _("QR code: %(address)s") % {"address": url}),
        },
    )
