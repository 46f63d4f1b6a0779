"""The partner API: ``/api/v1/``. Each app registers its endpoints here."""

from django.urls import path
from rest_framework import routers

from agencies.api import AgencyViewSet, LicenceViewSet
from applications.api import ApplicationViewSet
from blacklist.api import ban_check
from feeds.api import FeedPushView, FeedSchemaView
from helpdesk.api import CaseViewSet
from partners.views import WhoAmIView
from portal.api.views import ApiRootView
from vacancies.api.views import CountryViewSet, VacancyViewSet


class Router(routers.DefaultRouter):
    APIRootView = ApiRootView


router = Router()
router.register("vacancies", VacancyViewSet, basename="vacancy")
router.register("countries", CountryViewSet, basename="country")
router.register("agencies", AgencyViewSet, basename="agency")
router.register("licences", LicenceViewSet, basename="licence")
router.register("applications", ApplicationViewSet, basename="application")
router.register("cases", CaseViewSet, basename="case")

urlpatterns = [
    path("partner/", WhoAmIView.as_view(), name="partner-whoami"),
    path("bans/check/", ban_check, name="bans-check"),
    path("feeds/<int:feed_id>/push/", FeedPushView.as_view(), name="feed-push"),
    path("feeds/schemas/<slug:kind>/", FeedSchemaView.as_view(), name="feed-schema"),
    *router.urls,
]
