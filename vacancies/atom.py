"""An Atom feed for any vacancy search: the list page's query string, same filters,
so a Telegram channel or a feed reader follows exactly the search a person made."""

from django.contrib.syndication.views import Feed
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from vacancies import selectors

FEED_SIZE = 50


class VacancyFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        return request

    def title(self, request):
        return _("Jobs abroad from legal channels")

    def subtitle(self, request):
        return _("New vacancies matching your search, from licensed agencies and state programmes.")

    def link(self, request):
        query = request.GET.urlencode()
        return reverse("vacancies:list") + (f"?{query}" if query else "")

    def items(self, request):
        return selectors.cards(selectors.first_ids(selectors.search(request.GET), FEED_SIZE))

    def item_title(self, item):
        return f"{item.title} — {item.country_name}"

    def item_description(self, item):
        wage = f"{floatformat(item.wage_min, '0g')} {item.wage_currency} {item.wage_period_label}"
        return f"{item.employer_name}, {item.city_name or item.country_name}. {wage}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
