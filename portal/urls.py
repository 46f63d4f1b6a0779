from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from portal import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include("portal.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("vacancies.urls")),
    path("", include("agencies.urls")),
    path("", include("blacklist.urls")),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    from portal.feeds.views import sample

    urlpatterns += [path("demo-feeds/<str:name>", sample, name="demo-feed")]
