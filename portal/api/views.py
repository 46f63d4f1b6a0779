"""The views that belong to the whole API rather than an app: its root and its docs."""

from django.views import View
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import routers


class ApiRootView(routers.APIRootView):
    """The list of API endpoints; open to anyone."""

    anonymous_read = True


class ApiDocsView(SpectacularSwaggerSplitView):
    """The interactive docs (Swagger UI), its init script served as a file (no inline
    script under the docs' Content-Security-Policy). Its only renderer is an HTML template, so
    DRF's OPTIONS answer (the view's metadata as data) found no template to render
    and was a 500: OPTIONS answers as any Django view does, 200 with ``Allow``."""

    options = View.options
