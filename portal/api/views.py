"""The API root: the one view that belongs to the whole API rather than an app."""

from rest_framework import routers


class ApiRootView(routers.APIRootView):
    """The list of API endpoints; open to anyone."""

    anonymous_read = True
