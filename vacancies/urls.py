from django.urls import path

from vacancies import views
from vacancies.atom import VacancyFeed

app_name = "vacancies"

urlpatterns = [
    path("vacancies/", views.vacancy_list, name="list"),
    path("vacancies/feed/", VacancyFeed(), name="feed"),
    path("vacancies/<int:pk>/", views.vacancy_detail, name="detail"),
    path("vacancies/<int:pk>/preview/", views.vacancy_preview, name="preview"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<str:code>/", views.country_detail, name="country"),
]
