from django.urls import path

from guidance import views

app_name = "guidance"

urlpatterns = [
    path("help/<slug:stage>/", views.stage, name="stage"),
    path("help/<slug:stage>/leaflet/", views.stage_leaflet, name="stage_leaflet"),
    path("help/topics/<slug:slug>/", views.topic, name="topic"),
    path("countries/<str:code>/leaflet/", views.guide_leaflet, name="guide_leaflet"),
]
