from django.urls import path

from agencies import views

app_name = "agencies"

urlpatterns = [
    path("agencies/", views.agency_list, name="list"),
    path("agencies/<int:pk>/", views.agency_detail, name="detail"),
    path("agencies/verify/", views.verify, name="verify"),
    path("agencies/report/", views.report, name="report"),
    path("agencies/report/sent/", views.report_done, name="report_done"),
]
