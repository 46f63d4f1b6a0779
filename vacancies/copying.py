"""Writing many new rows of a model at once with PostgreSQL's COPY.

`bulk_create` prepares every value of every row through its field (two method
calls and a conversion each) and has the driver quote each into a statement the
server parses again: for a wide model such as a vacancy (57 columns) that is
most of the time a partner's first feed document takes. Here each column's value
is prepared by the same field method (`Field.get_db_prep_save`), but once per
distinct value in the column, and sent in COPY's text format, which the server
reads without parsing a statement. Everything else is the database's, as with
`bulk_create`: defaults were set on the instances, constraints and indexes apply
as the rows arrive, and a refused row raises Django's `IntegrityError` for the
whole call. Two differences: the dates set on saving (``auto_now``,
``auto_now_add``) are one time for all rows, and the values must be hashable and
of the types `_text` knows (no JSON or array fields). Other databases use
`bulk_create`."""

import datetime
import decimal
import operator
import re

from django.db import connections
from django.db.models import DateField, DateTimeField, Field, FileField
from django.utils import timezone
from django.utils.translation import get_language
from modeltranslation.fields import NONE, TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname, fallbacks_enabled, resolution_order

# COPY's text format: a backslash starts an escape; tab, newline and carriage
# return end a value or a row.
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_SPECIAL = re.compile(r"[\\\t\n\r]")
_NULL = "\\N"
# Characters of rows handed to the driver at a time.
COPY_CHUNK = 65536


def _text(value):
    """A prepared value as COPY's text format writes it."""
    if value is None:
        return _NULL
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES) if _SPECIAL.search(value) else value
    if isinstance(value, (int, decimal.Decimal)):
        return str(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    raise TypeError(f"COPY cannot send a {type(value).__name__} value.")


class _Column(dict):
    """{value: its COPY text} of one column, prepared by the field on first sight:
    a column of a thousand rows mostly repeats a few values (blank translations,
    the same destination, the same flags)."""

    def __init__(self, field, connection):
        super().__init__()
        self.field = field
        self.connection = connection

    def __missing__(self, value):
        text = self[value] = _text(self.field.get_db_prep_save(value, self.connection))
        return text


class _Lines:
    """COPY's input, a file whose `read` writes the next rows only when the
    driver asks for them: the server stores (and indexes) the rows sent while the
    next ones are being written, on the machine's other core."""

    def __init__(self, lines):
        self.lines = lines

    def read(self, size):
        chunk, length = [], 0
        for line in self.lines:
            chunk.append(line)
            length += len(line)
            if length >= size:
                break
        return "".join(chunk)


# `pre_save` methods that return the attribute as it is, unless the field stamps.
_READ_AS_IS = (Field.pre_save, DateField.pre_save, DateTimeField.pre_save)


def _stamped(field):
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def _translated(model, field):
    """A reader of the column of a translated field (``title``), or None for other
    fields. modeltranslation's descriptor answers the value in the active
    language or its first fallback that has one, else the fallback value or the
    field's default, working out the language and its fallbacks on every read:
    three columns of a hundred thousand rows took over a second. The language is
    the same for every row of an insert, so this works them out once, takes the
    first value the descriptor's own test finds meaningful and otherwise what the
    descriptor answers then. (File fields, whose default the descriptor wraps
    per instance, are left to it.)"""
    descriptor = model.__dict__.get(field.attname)
    if not isinstance(descriptor, TranslationFieldDescriptor) or isinstance(field, FileField):
        return None
    undefined = descriptor.fallback_undefined
    if undefined is NONE:
        undefined = field.get_default()
    order = resolution_order(get_language(), descriptor.fallback_languages)
    localized = operator.attrgetter(
        *(build_localized_fieldname(field.name, language) for language in order)
    )
    meaningful = descriptor.meaningful_value
    single = len(order) == 1
    fallback = descriptor.fallback_value
    nothing = fallback if fallbacks_enabled() and fallback is not NONE else NONE

    def read(obj):
        values = localized(obj)
        for value in (values,) if single else values:
            if meaningful(value, undefined):
                return value
        return field.get_default() if nothing is NONE else nothing

    return read


def copy_insert(objs, using="default"):
    """Insert new (unsaved) instances of one model and set their primary keys,
    as ``bulk_create(objs)`` does; on PostgreSQL with COPY."""
    if not objs:
        return
    model = type(objs[0])
    connection = connections[using]
    if connection.vendor != "postgresql":
        model._default_manager.using(using).bulk_create(objs)
        return
    opts = model._meta
    fields = [field for field in opts.concrete_fields if not field.generated]
    # The dates set on saving (``auto_now``, ``auto_now_add``) are the time of this
    # insert, one for all rows; the fields that save their attribute as it is
    # (`Field.pre_save`, dates included) are read together; any other field
    # through its own `pre_save`.
    stamped = [field for field in fields if _stamped(field)]
    now = timezone.now()
    translated = {field: _translated(model, field) for field in fields}
    translated = {field: read for field, read in translated.items() if read is not None}
    read = [
        field
        for field in fields
        if field not in translated and (field in stamped or type(field).pre_save in _READ_AS_IS)
    ]
    saved = [field for field in fields if field not in read and field not in translated]
    values = operator.attrgetter(*(field.attname for field in read))  # the key and more
    columns = [_Column(field, connection) for field in (*read, *translated, *saved)]
    readers = list(translated.values())

    def lines():
        for obj in objs:
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
            for field in stamped:
                setattr(obj, field.attname, now)
            row = (
                *values(obj),
                *(reader(obj) for reader in readers),
                *(field.pre_save(obj, add=True) for field in saved),
            )
            yield (
                "\t".join([column[value] for column, value in zip(columns, row, strict=True)])
                + "\n"
            )

    table = connection.ops.quote_name(opts.db_table)
    column_names = ", ".join(
        connection.ops.quote_name(field.column) for field in (*read, *translated, *saved)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [opts.db_table, opts.pk.column, len(objs)],
        )
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
        with connection.wrap_database_errors:
            cursor.cursor.copy_expert(
                f"COPY {table} ({column_names}) FROM STDIN", _Lines(lines()), size=COPY_CHUNK
            )
    for obj in objs:
        obj._state.adding = False
        obj._state.db = using
