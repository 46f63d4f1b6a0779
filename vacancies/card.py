"""A vacancy as its card shows it: one row of values (`vacancies.selectors.cards`).

Twenty cards read as model instances spent a millisecond of a list page building
them (Django's and modeltranslation's work for each of sixteen fields and the
title's five language columns), for a dozen values a card shows. A card is read
with ``values()``, which gives the title in the reader's language with its
fallbacks (modeltranslation's rule, as the model's field gives it), and what a
card says about a vacancy is the model's own code, shared with this class, not
written again: the link, the monthly wage, the labels of its channel and wage
period, the city's name.
"""

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


class Card:
    """A row of `CARD_VALUES` with ``agency_name`` and ``country_name`` (the name of
    the destination in the reader's language), which the cards' template and the
    Atom feed read as they would read a vacancy."""

    WagePeriod = Vacancy.WagePeriod
    get_absolute_url = Vacancy.get_absolute_url
    monthly_wage = Vacancy.monthly_wage
    channel_label = Vacancy.channel_label
    wage_period_label = Vacancy.wage_period_label
    city_name = Vacancy.city_name

    def __init__(self, values):
        self.__dict__.update(values)

    def __repr__(self):
        return f"<Card {self.pk}: {self.title}>"
