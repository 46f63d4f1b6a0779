"""The yardstick the page figures are compared with: a bare Django view, no
middleware, that runs the very SQL the portal ran for a URL (recorded by the
benchmark, `pages.record`) and prints the rows as plain HTML.

It shows what any Django server would need for the same data: what the portal
takes beyond it is its own part (middleware, ORM, forms, templates, translation),
which the issue holds to at most twice the yardstick. gunicorn serves it with
`yardstick_settings`, which points here; the SQL of each case is read from the
JSON file named by ``YARDSTICK_CASES`` (a list, per case, of SQL statements).
"""

import json
import os
from functools import cache

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.utils.html import escape


@cache
def _cases():
    with open(os.environ["YARDSTICK_CASES"], encoding="utf-8") as file:
        return json.load(file)


def page(request, case):
    """Case number `case`: each statement run, each row a table row."""
    parts = ["<!doctype html><title>yardstick</title><table>"]
    with connection.cursor() as cursor:
        for sql in _cases()[case]:
            cursor.execute(sql)
            for row in cursor.fetchall() if cursor.description else ():
                parts.append("<tr>")
                parts.extend(f"<td>{escape(value)}</td>" for value in row)
                parts.append("</tr>")
    parts.append("</table>")
    return HttpResponse("".join(parts))


urlpatterns = [path("<int:case>/", page)]
