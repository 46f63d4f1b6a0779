"""The staff group that runs partner feeds: partners, their keys, feeds, runs and the
feeds' schedules, declared as data.

`portal.staff_groups` creates it after every `migrate` with exactly these
permissions: ``{group: {app label: {model: (actions, ...)}}}``.
"""

GROUPS = {
    # Operators look after partners, their keys, feeds, runs and the feeds'
    # schedules (django-celery-beat).
    "Feed operator": {
        "partners": {
            "partner": ("view", "add", "change"),
            "partnerapikey": ("view", "add", "change"),
        },
        "feeds": {
            "feed": ("view", "add", "change", "delete"),
            "feedrun": ("view", "change"),
            "rejectedrecord": ("view",),
        },
        "django_celery_beat": {
            "periodictask": ("view", "change"),
            "intervalschedule": ("view", "add", "change"),
            "crontabschedule": ("view", "add", "change"),
        },
    },
}
