"""A scoped endpoint, to test the permission class on its own."""

from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView


class ScopedView(APIView):
    required_scopes = {"GET": "bans:check"}

    def get(self, request):
        return Response({"partner": request.user.name})


urlpatterns = [
    path("scoped/", ScopedView.as_view()),
    path("api/v1/", include("portal.api.urls")),
]
