from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [path("help/directory/", views.organisation_list, name="list")]
