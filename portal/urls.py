from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from accounts.urls import allauth_urlpatterns
from portal import views
from portal.api.views import ApiDocsView

handler404 = "portal.views.page_not_found"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include("portal.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's init script as a file: no inline script.
    path("api/docs/", ApiDocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("bot.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("vacancies.urls")),
    path("", include("agencies.urls")),
    path("", include("blacklist.urls")),
    path("", include("directory.urls")),
    path("", include("helpdesk.urls")),
    path("", include("accounts.urls")),
    *allauth_urlpatterns,
    path("", include("applications.urls")),
    path("", include("guidance.urls")),
    path("", include("alerts.urls")),
    # Partners and feeds were admin pages of the portal app: staff bookmarks still work.
    re_path(
        r"^admin/portal/(?P<path>(?:partner|partnerapikey|feed|feedrun|rejectedrecord)/.*)$",
        views.moved_admin_page,
    ),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    from feeds.views import sample

    urlpatterns += [path("demo-feeds/<str:name>", sample, name="demo-feed")]
