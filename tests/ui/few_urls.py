"""A second set of URL patterns, for the test that `ui.jinja.url` tells sets apart."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path

urlpatterns = i18n_patterns(path("few/", lambda request: HttpResponse(), name="home"))
