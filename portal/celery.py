"""The Celery application: ``celery -A portal worker`` and ``celery -A portal beat``.

Configuration comes from Django settings (``CELERY_*``); periodic schedules live
in the database (django-celery-beat) so staff can edit them in the admin.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
