"""Queries compiled once a day in each process, for a page that reads the same few
rows by one value each time (an agency's page: the agency, its licences, their
destinations and history, its channels and deposits, all by the agency's id).

Django builds and compiles a queryset again on every evaluation, and a prefetch
adds its own filter and bookkeeping: an agency's page spent 3.4 ms of its 4.6 ms
of reads there, for six queries of a few rows whose SQL took 1.2 ms. A
`PreparedRows` is the queryset built for the day with `MARK` where the page's
value goes (``agency_id=MARK``), compiled once; each read runs that SQL with the
value in the marker's place and makes model instances from the rows as Django's
`ModelIterable` does (its converters, its populators of ``select_related``
relations, the annotations set on each): the same instances as the queryset's.
Prefetches are not run: a page reads each relation by a prepared query of its own.

Ids alone are read the same way by a page whose query stays the same between its
readers (`read_compiled_ids`): a list's search, whose SQL it keeps with the rest of
the search (`vacancies.prepared`, `agencies.prepared`).
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.query import get_related_populators
from django.utils import timezone

# The value a prepared queryset filters by in place of the page's: no row has it.
MARK = -7_000_000_000_000_000_123
# The range of a 64-bit key (SQLite refuses a value outside it; PostgreSQL's bigint).
BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1


class PreparedRows:
    """``build(on)``, a queryset of `model` whose SQL depends on the date and on
    `MARK` only (not on the language: a condition on a translated field is
    written for the language of the day's first read), compiled once a day for
    the database the model is read from."""

    def __init__(self, model, build):
        self.model = model
        self.build = build
        self._compiled = {}

    def read(self, value, on=None):
        """The model instances `build(on)` gives with `value` for `MARK`."""
        if isinstance(value, int) and not BIGINT_MIN <= value <= BIGINT_MAX:
            return []  # no key holds it: Django's integer lookups match nothing too
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
    """The queryset's SQL and what Django's `ModelIterable` makes instances with: the
    model's columns in the row, its relations' (``select_related``), the
    annotations' places and each column's converters."""

    def __init__(self, queryset):
        if queryset._prefetch_related_lookups:
            raise ValueError("A prepared queryset runs no prefetch.")
        self.db = queryset.db
        compiler = queryset.query.get_compiler(using=self.db)
        sql, params = compiler.as_sql()
        self.sql, self.params = sql, tuple(params)
        self.marks = [n for n, param in enumerate(params) if param == MARK]
        if not self.marks:
            raise ValueError("A prepared queryset filters by MARK.")
        select, klass_info = compiler.select, compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.names = [column[0].target.attname for column in select[self.start : self.end]]
        self.related = get_related_populators(klass_info, select, self.db)
        self.annotations = list(compiler.annotation_col_map.items())
        self.converters = _converters(compiler)

    def instance(self, row, connection):
        if self.converters:
            row = _converted(row, self.converters, connection)
        instance = self.model.from_db(self.db, self.names, row[self.start : self.end])
        for populator in self.related:
            populator.populate(row, instance)
        for name, position in self.annotations:
            setattr(instance, name, row[position])
        return instance


def read_ids(queryset):
    """The primary keys of `queryset`'s rows in its order, read by its SQL. Read as
    ``values_list("pk", flat=True)``, modeltranslation made each of a list page's
    201 ids a dict and then a tuple (0.3 ms)."""
    return read_compiled_ids(queryset.db, ids_sql(queryset))


def ids_sql(queryset):
    """The SQL and parameters that read the primary keys of `queryset`'s rows, or None
    when it can match nothing (Django finds that out compiling it): kept by a page
    whose query does not change between its readers (`vacancies.prepared`)."""
    query = queryset.values_list("pk").query
    try:
        sql, params = query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return None
    return sql, tuple(params)


def read_compiled_ids(db, compiled):
    """The first column of the rows of `compiled` (`ids_sql`) on database `db`."""
    if compiled is None:
        return []
    with connections[db].cursor() as cursor:
        cursor.execute(*compiled)
        return [row[0] for row in cursor.fetchall()]


def read_values(queryset, *fields):
    """``queryset.values_list(*fields)`` as a list of tuples, read by its SQL with
    Django's converters. Through its values iterable, modeltranslation made each of
    a feed's hundred thousand stored rows a dict before the tuple (a tenth of a
    second); the fields are read as the columns they name, so none may be a
    translated field's original."""
    if hasattr(queryset, "rewrite"):  # modeltranslation's: the columns as named
        queryset = queryset.rewrite(False)
    query = queryset.values_list(*fields).query
    if [*query.extra_select, *query.values_select, *query.annotation_select] != list(fields):
        raise ValueError("Name the fields first, then the annotations, in their order.")
    compiler = query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return []
    converters = _converters(compiler)
    connection = connections[queryset.db]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not converters:
        return rows
    return [tuple(_converted(row, converters, connection)) for row in rows]


def _converters(compiler):
    """[(position, converters, expression)] of a compiled query's selected columns:
    Django's own (`SQLCompiler.get_converters`), as its iterables apply them."""
    selected = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
    return [
        (position, converters, expression)
        for position, (converters, expression) in compiler.get_converters(selected).items()
    ]


def _converted(row, converters, connection):
    row = list(row)
    for position, functions, expression in converters:
        for function in functions:
            row[position] = function(row[position], expression, connection)
    return row
