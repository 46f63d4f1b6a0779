"""Queries compiled once a day in each process, for a page that reads the same few
rows by one value each time (an agency's page: the agency, its licences, their
destinations and history, its channels and deposits, all by the agency's id).

Django builds and compiles a queryset again on every evaluation, and a prefetch
adds its own filter and bookkeeping: an agency's page spent 3.4 ms of its 4.6 ms
of reads there, for six queries of a few rows whose SQL took 1.2 ms. A
`PreparedRows` is the queryset built for the day with `MARK` where the page's
value goes (``agency_id=MARK``), compiled once; each read runs that SQL with the
value in the marker's place, and makes model instances from the rows with
Django's own converters, as a queryset would, and its annotations set on them.
"""

from django.db import connections
from django.utils import timezone

# The value a prepared queryset filters by in place of the page's: no row has it.
MARK = -7_000_000_000_000_000_123


class PreparedRows:
    """``build(on)``, a queryset of `model` without ``select_related``, whose
    conditions depend on the date and on `MARK` only, compiled once a day for the
    database the model is read from."""

    def __init__(self, model, build):
        self.model = model
        self.build = build
        self._compiled = {}

    def read(self, value, on=None):
        """The model instances `build(on)` gives with `value` for `MARK`."""
        on = on or timezone.localdate()
        compiled = self._compile(on)
        params = list(compiled.params)
        for position in compiled.marks:
            params[position] = value
        connection = connections[compiled.db]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return [compiled.instance(row, connection) for row in rows]

    def _compile(self, on):
        key = (on, self.model._default_manager.db)
        compiled = self._compiled.get(key)
        if compiled is None:
            if len(self._compiled) > 8:  # days gone by
                self._compiled.clear()
            compiled = self._compiled[key] = _Compiled(self.build(on))
        return compiled


class _Compiled:
    def __init__(self, queryset):
        if queryset.query.select_related:
            raise ValueError("A prepared queryset reads one model's rows.")
        self.db = queryset.db
        self.model = queryset.model
        self.names = [field.attname for field in self.model._meta.concrete_fields]
        annotations = list(queryset.query.annotation_select)
        if hasattr(queryset, "rewrite"):  # modeltranslation's: the columns as named
            queryset = queryset.rewrite(False)
        query = queryset.values_list(*self.names, *annotations).query
        compiler = query.get_compiler(using=self.db)
        sql, params = compiler.as_sql()
        self.sql, self.params = sql, tuple(params)
        self.marks = [n for n, param in enumerate(params) if param == MARK]
        if not self.marks:
            raise ValueError("A prepared queryset filters by MARK.")
        self.annotations = list(query.annotation_select)
        selected = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
        self.converters = [
            (position, converters, expression)
            for position, (converters, expression) in compiler.get_converters(selected).items()
        ]

    def instance(self, row, connection):
        if self.converters:
            row = list(row)
            for position, converters, expression in self.converters:
                for converter in converters:
                    row[position] = converter(row[position], expression, connection)
        count = len(self.names)
        instance = self.model.from_db(self.db, self.names, row[:count])
        for name, value in zip(self.annotations, row[count:], strict=True):
            setattr(instance, name, value)
        return instance
