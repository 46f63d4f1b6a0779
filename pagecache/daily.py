"""Querysets built once a day in each process (`built_daily`): conditions that
depend on the date only, whose building (resolving expressions, subqueries and
prefetches) cost more of a page than reading its rows."""

from django.utils import timezone


def built_daily(key, build, on=None):
    """``build(on)``, a queryset whose conditions depend on the date only, built once
    a day in each process and cloned for every use. A queryset holds conditions, not
    rows, so every clone reads the data as it is now; the one built is never
    evaluated itself."""
    on = on or timezone.localdate()
    built = _built.get((key, on))
    if built is None:
        if len(_built) > 32:  # days gone by
            _built.clear()
        built = _built[key, on] = build(on)
    return built.all()


_built = {}
