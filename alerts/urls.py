from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("alerts/", views.my_alerts, name="mine"),
    path("alerts/new/", views.subscribe, name="subscribe"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("alerts/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("alerts/telegram-code/", views.telegram_code, name="telegram-code"),
]
