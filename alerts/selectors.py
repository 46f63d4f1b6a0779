"""What the alerts pages and the bot read."""

from django.db.models import Q

from alerts.models import Announcement, Subscription


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


def announcements(country=None, count=3):
    """The newest visible announcements, of one destination or of all, with their
    countries' names: not the guides (forty kilobytes a country), whose columns alone
    took half the home page's time to name in the query."""
    found = (
        Announcement.objects.visible()
        .select_related("country")
        .only("title", "body", "published_at", "country__name")
    )
    if country is not None:
        found = found.filter(country=country)
    return list(found[:count])
