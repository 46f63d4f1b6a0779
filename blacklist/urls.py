from django.urls import path

from blacklist import views

app_name = "blacklist"

urlpatterns = [
    path("blacklist/check/", views.check, name="check"),
]
