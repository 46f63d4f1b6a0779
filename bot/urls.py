from django.urls import path

from bot import views

app_name = "bot"

urlpatterns = [path("telegram/webhook/<str:secret>/", views.receive, name="webhook")]
