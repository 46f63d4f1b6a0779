from django.urls import path

from helpdesk import staff_views, views

app_name = "helpdesk"

urlpatterns = [
    path("help/request/", views.request_help, name="request"),
    path("help/case/<str:token>/", views.case_page, name="case"),
    path("help/my-cases/", views.my_cases, name="my-cases"),
    path("helpdesk/", staff_views.triage, name="triage"),
    path("helpdesk/cases/<int:pk>/", staff_views.case_detail, name="staff-case"),
    path("helpdesk/cases/<int:pk>/route/", staff_views.route_case, name="staff-route"),
    path("helpdesk/cases/<int:pk>/record/", staff_views.record_event, name="staff-record"),
    path("helpdesk/cases/<int:pk>/status/", staff_views.set_status, name="staff-status"),
]
