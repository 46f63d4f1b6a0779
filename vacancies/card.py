"""A vacancy as its card shows it: one row of values (`vacancies.selectors.cards`).

Twenty cards read as model instances spent a millisecond of a list page building
them (Django's and modeltranslation's work for each of sixteen fields and the
title's five language columns), for a dozen values a card shows. A card is read
as a row of columns, the title in every language, and keeps the title in the
reader's language with its fallbacks as the model's field gives it
(modeltranslation's rule, its descriptor's own code); what a card says about a
vacancy is the model's own code, shared with this class, not written again: the
link, the monthly wage, the labels of its channel and wage period, the city's
name.
"""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from pagecache.fragments import KeptHtml
from ui.jinja import render_fragment
from vacancies.models import Vacancy

# What `cards` reads for a card: values() names, with the agency's name joined.
CARD_VALUES = (
    "pk",
    "title",
    "country_id",
    "city",
    "employer_name",
    "wage_min",
    "wage_max",
    "wage_currency",
    "wage_period",
    "hours_per_week",  # an hourly wage is shown a month at a time
    "monthly_wage_usd",
    "channel",
    "agency_id",
    "housing",
    "deadline",
    "published_at",
    "updated_at",
)
# The title's column in each language: the reader's title is one of them.
TITLE_COLUMNS = tuple(
    build_localized_fieldname("title", language) for language in settings.MODELTRANSLATION_LANGUAGES
)
# What `cards` reads for a card: its values but the title, the title's columns and the
# agency's name, joined.
CARD_COLUMNS = (
    *(name for name in CARD_VALUES if name != "title"),
    *TITLE_COLUMNS,
    "agency_name",
)


class Card:
    """A row of `CARD_COLUMNS` with ``title`` (`from_row`) and ``country_name`` (the
    name of the destination in the reader's language), which the cards' template
    and the Atom feed read as they would read a vacancy."""

    WagePeriod = Vacancy.WagePeriod
    get_absolute_url = Vacancy.get_absolute_url
    monthly_wage = Vacancy.monthly_wage
    channel_label = Vacancy.channel_label
    wage_period_label = Vacancy.wage_period_label
    city_name = Vacancy.city_name

    def __init__(self, values):
        self.__dict__.update(values)

    @classmethod
    def from_row(cls, row):
        """The card of a row of `CARD_COLUMNS`, with the title of the reader's language,
        or of its fallbacks, as `Vacancy.title` gives it (from the title's columns)."""
        card = cls(zip(CARD_COLUMNS, row, strict=True))
        card.title = _TITLE.__get__(card, Vacancy)
        return card

    def __repr__(self):
        return f"<Card {self.pk}: {self.title}>"

    def shown(self):
        """Everything the card's HTML follows from besides the reader's language (its
        words, number and date formats, the link's prefix): the names and
        conversions set on it, and its values."""
        return (
            self.country_name,
            self.agency_name,
            tuple(getattr(self, "conversions", ())),
            *(self.__dict__[name] for name in CARD_VALUES),
        )


# The title's descriptor (modeltranslation's): the reader's language and its fallbacks.
_TITLE = Vacancy.__dict__["title"]

# Cards kept by each process, under a kilobyte each.
_cards = KeptHtml(4096)


def card_html(card):
    """The card's HTML (`vacancies/card.jinja`), written once for all it shows
    (`Card.shown`, and the reader's language). On an announcement day the newest
    cards open every list and search, and writing twenty took a fifth of a list
    page's time; kept by what it shows, a card is never stale: a changed vacancy,
    name or rate is another key."""
    return _cards.get(
        card.shown(), lambda: render_fragment("vacancies/card.jinja", {"vacancy": card})
    )
