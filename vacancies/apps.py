from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from vacancies.staff import GROUPS


class VacanciesConfig(AppConfig):
    name = "vacancies"
    verbose_name = _("Vacancies")
    staff_groups = GROUPS  # synced after migrate by portal.staff_groups

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from vacancies.filters import forget_menus
        from vacancies.models import Country, Occupation

        for model in (Country, Occupation):
            post_save.connect(forget_menus, sender=model, dispatch_uid=f"menus-{model.__name__}")
            post_delete.connect(forget_menus, sender=model, dispatch_uid=f"menus-{model.__name__}-")
