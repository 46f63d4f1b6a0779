"""The work queue on the admin's start page: what is waiting for the officer who
signs in (new reports of recruiters, licences expiring soon, agencies whose deposit
is below the minimum, feed runs awaiting approval), each count a link to the list,
shown only to those allowed to see that list. Portal sits above the apps it counts,
so it may read them; the rules are theirs (`agencies.selectors`)."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agencies import selectors as agency_selectors
from agencies.models import Agency, Licence, RecruiterReport
from feeds.models import FeedRun

register = template.Library()


@register.inclusion_tag("admin/_work_queue.html", takes_context=True)
def work_queue(context):
    user = context["request"].user
    items = []
    if user.has_perm("agencies.view_recruiterreport"):
        items.append(
            (
                _("New reports of recruiters"),
                RecruiterReport.objects.filter(status=RecruiterReport.Status.NEW).count(),
                reverse("admin:agencies_recruiterreport_changelist") + "?status__exact=new",
            )
        )
    if user.has_perm("agencies.view_licence"):
        items.append(
            (
                _("Licences expiring within 30 days"),
                Licence.objects.filter(agency_selectors.expiring_q()).count(),
                reverse("admin:agencies_licence_changelist") + "?expiring=yes",
            )
        )
    if user.has_perm("agencies.view_agency"):
        items.append(
            (
                _("Agencies with a deposit below the minimum"),
                Agency.objects.filter(agency_selectors.below_minimum_q()).distinct().count(),
                reverse("admin:agencies_agency_changelist") + "?below_minimum=yes",
            )
        )
    if user.has_perm("feeds.view_feedrun"):
        items.append(
            (
                _("Feed runs awaiting approval"),
                FeedRun.objects.filter(outcome=FeedRun.Outcome.AWAITING_APPROVAL).count(),
                reverse("admin:feeds_feedrun_changelist")
                + f"?outcome__exact={FeedRun.Outcome.AWAITING_APPROVAL.value}",
            )
        )
    return {"items": items}
