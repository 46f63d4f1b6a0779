"""One module per measured area, each with ``run(count, queries, stdout)``
(``manage.py benchmark <area>``)."""
