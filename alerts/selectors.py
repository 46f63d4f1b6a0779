"""What the alerts pages and the bot read."""

import datetime

from django.db.models import Q
from django.utils import timezone

from alerts.models import Announcement, Subscription
from pagecache.kept import Kept, days_around_today
from vacancies.models import Country

ANNOUNCEMENTS_SHOWN = 3


def subscriptions_of_user(user):
    """Live alerts of a signed-in person: made while signed in, or in a chat linked
    to the account."""
    return (
        Subscription.objects.filter(Q(user=user) | Q(chat__user=user))
        .exclude(status=Subscription.Status.ENDED)
        .select_related("search", "chat")
        .distinct()
    )


def subscriptions_of_chat(chat):
    return (
        Subscription.objects.filter(chat=chat, status=Subscription.Status.ACTIVE)
        .select_related("search")
        .order_by("pk")
    )


def announcements(country=None):
    """The newest visible announcements, of one destination or of all (the home page,
    kept per day: it was the home page's one query), with their countries' names."""
    if country is None:
        return _newest.get(timezone.localdate().isoformat())
    return list(_visible(timezone.localdate()).filter(country=country)[:ANNOUNCEMENTS_SHOWN])


def _visible(on):
    """Visible on a day, with the countries' names: not the guides (forty kilobytes a
    country), whose columns alone took half the home page's time to name."""
    return (
        Announcement.objects.visible(on)
        .select_related("country")
        .only("title", "body", "published_at", "country__name")
    )


_newest = Kept(
    "announcements",
    lambda day: list(_visible(datetime.date.fromisoformat(day))[:ANNOUNCEMENTS_SHOWN]),
    models=[Announcement, Country],
    variants=days_around_today,
)


def watch_announcements():
    _newest.watch()
