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

import datetime
from collections import namedtuple

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


class PreparedValues:
    """Rows of ``build(on, *arguments)`` (a queryset) as named tuples of `fields`,
    for a query a page runs with other values each time (the entry-ban check's: a
    date of birth, name keys and a document number; building and compiling it took
    0.6 ms of a check, its SQL 0.5 ms).

    An argument is a string, a date or a tuple of strings or of keys (integers: the
    agencies of a registry page). The queryset is built with a mark in the place of
    each string, date, key and tuple item (an empty string stays empty: a condition
    on it is usually left out) and compiled once a day for each shape of the
    arguments (a tuple's shape is its length); each read runs that SQL with its own
    values where the marks were, and converts the rows as Django's values iterable
    does."""

    def __init__(self, build, fields):
        self.build = build
        self.fields = fields
        self.row = namedtuple("Row", fields)
        self._compiled = {}

    def read(self, *arguments, on=None):
        on = on or timezone.localdate()
        key = (on, tuple(map(_shape, arguments)))
        compiled = self._compiled.get(key)
        if compiled is None:
            if len(self._compiled) > 64:  # days gone by
                self._compiled.clear()
            compiled = self._compiled[key] = self._compile(on, arguments)
        if compiled.sql is None:
            return []  # Django found that it matches nothing
        values = [value for argument in arguments for value in _items(argument)]
        params = list(compiled.params)
        for position, index, as_text in compiled.places:
            params[position] = values[index].isoformat() if as_text else values[index]
        connection = connections[compiled.db]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = (_converted(row, compiled.converters, connection) for row in rows)
        return [self.row(*row) for row in rows]

    def _compile(self, on, arguments):
        marks, index = [], 0
        for argument in arguments:
            items = _items(argument)
            marked = [_mark(value, index + n) for n, value in enumerate(items)]
            index += len(items)
            marks.append(tuple(marked) if isinstance(argument, tuple) else marked[0])
        queryset = self.build(on, *marks)
        if hasattr(queryset, "rewrite"):  # modeltranslation's: the columns as named
            queryset = queryset.rewrite(False)
        compiler = queryset.values_list(*self.fields).query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return _CompiledValues(queryset.db, None, (), [], [])
        places = []
        for position, param in enumerate(params):
            for index, mark in enumerate(_marks(marks)):
                if mark is not None and param in (mark, _text(mark)):
                    places.append((position, index, param != mark))
        if len({index for _position, index, _as_text in places}) != len(
            [mark for mark in _marks(marks) if mark is not None]
        ):
            raise ValueError("An argument of a prepared query is not a parameter of its SQL.")
        return _CompiledValues(queryset.db, sql, tuple(params), places, _converters(compiler))


# A prepared query's SQL (None when it matches nothing), its parameters with marks,
# and the places of the marks: (position, value's index, passed as ISO text).
_CompiledValues = namedtuple("_CompiledValues", "db sql params places converters")


# The first date a mark stands for (no page asks about the year 1).
_MARK_DAY = datetime.date(1, 1, 1)


def _shape(argument):
    if isinstance(argument, tuple):
        return len(argument)
    if isinstance(argument, str):
        return bool(argument)
    return type(argument).__name__


def _items(argument):
    return argument if isinstance(argument, tuple) else (argument,)


def _mark(value, index):
    """The mark of the `index`-th value, of its type; None for an empty string."""
    if isinstance(value, str):
        return f"\x00mark-{index}" if value else None
    if isinstance(value, int) and not isinstance(value, bool):
        return MARK - index
    return _MARK_DAY + datetime.timedelta(days=index)


def _marks(marks):
    return [mark for argument in marks for mark in _items(argument)]


def _text(mark):
    """A date mark as SQLite's backend passes a date (ISO text)."""
    return mark.isoformat() if isinstance(mark, datetime.date) else mark


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
