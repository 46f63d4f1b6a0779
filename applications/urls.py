from django.urls import path

from applications import cabinet, views

app_name = "applications"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/<slug:step>/", views.profile_step, name="profile_step"),
    path("vacancies/<int:pk>/apply/", views.apply, name="apply"),
    path("applications/", views.my_applications, name="mine"),
    path("applications/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.download_my_data, name="download"),
    path("my-data/delete/", views.delete_account, name="delete_account"),
    path("recruiter/", cabinet.application_list, name="cabinet"),
    path("recruiter/shortlist/", cabinet.bulk_shortlist, name="cabinet_shortlist"),
    path("recruiter/export.csv", cabinet.export_csv, name="cabinet_export"),
    path("recruiter/<int:pk>/", cabinet.application_detail, name="cabinet_detail"),
    path("recruiter/<int:pk>/<slug:action>/", cabinet.move, name="cabinet_move"),
    path("recruitment-statistics/", cabinet.statistics, name="statistics"),
]
