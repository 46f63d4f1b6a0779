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
`bulk_create`.

`copy_insert` waits for its rows; `BackgroundCopies` lets the caller go on with
work of its own while the database stores them."""

import datetime
import decimal
import io
import operator
import re
import threading

from django.db import IntegrityError, connections, transaction
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
    connection = connections[using]
    if connection.vendor != "postgresql":
        type(objs[0])._default_manager.using(using).bulk_create(objs)
        return
    copy = _Copy(objs, connection)
    copy.run(_Lines(copy.lines()))
    copy.saved()


class _Copy:
    """One COPY of new instances: made ready (their keys reserved, a query) in the
    caller's thread, then `run`, in that thread or another."""

    def __init__(self, objs, connection):
        self.objs, self.connection = objs, connection
        model = type(objs[0])
        opts = model._meta
        fields = [field for field in opts.concrete_fields if not field.generated]
        # The dates set on saving (``auto_now``, ``auto_now_add``) are the time of
        # this insert, one for all rows; the fields that save their attribute as
        # it is (`Field.pre_save`, dates included) are read together; any other
        # field through its own `pre_save`. Translated fields are read in the
        # caller's language, worked out here (`_translated`).
        self.stamped = [field for field in fields if _stamped(field)]
        self.now = timezone.now()
        translated = {field: _translated(model, field) for field in fields}
        translated = {field: read for field, read in translated.items() if read is not None}
        read = [
            field
            for field in fields
            if field not in translated
            and (field in self.stamped or type(field).pre_save in _READ_AS_IS)
        ]
        self.saved_fields = [
            field for field in fields if field not in read and field not in translated
        ]
        self.values = operator.attrgetter(*(field.attname for field in read))  # the key and more
        ordered = (*read, *translated, *self.saved_fields)
        self.columns = [_Column(field, connection) for field in ordered]
        self.readers = list(translated.values())
        table = connection.ops.quote_name(opts.db_table)
        names = ", ".join(connection.ops.quote_name(field.column) for field in ordered)
        self.sql = f"COPY {table} ({names}) FROM STDIN"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [opts.db_table, opts.pk.column, len(objs)],
            )
            for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
                obj.pk = pk

    def lines(self):
        columns, stamped, now = self.columns, self.stamped, self.now
        for obj in self.objs:
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
            for field in stamped:
                setattr(obj, field.attname, now)
            row = (
                *self.values(obj),
                *(reader(obj) for reader in self.readers),
                *(field.pre_save(obj, add=True) for field in self.saved_fields),
            )
            yield (
                "\t".join([column[value] for column, value in zip(columns, row, strict=True)])
                + "\n"
            )

    def run(self, rows):
        """Send ``rows``, a file of `lines`. Through the driver's own connection,
        which this thread or one `BackgroundCopies` started may use while the
        caller's waits."""
        with self.connection.wrap_database_errors, self.connection.connection.cursor() as cursor:
            cursor.copy_expert(self.sql, rows, size=COPY_CHUNK)

    def saved(self):
        for obj in self.objs:
            obj._state.adding = False
            obj._state.db = self.connection.alias


class BackgroundCopies:
    """`copy_insert` while the caller goes on with work of its own: the database
    stores and indexes one batch of rows (with the vacancy table's seventeen
    indexes, most of the time a COPY takes) on the machine's other core while
    Python checks the next batch, instead of each waiting for the other.

    Used as a context manager around the work. One COPY runs at a time, from a
    thread of its own, on the caller's connection; the caller's next query on
    that connection (any query: `connection.execute_wrapper`) first waits for
    it to end, and so does the end of the block. Its outcome is then handed to
    the ``done`` callback given to `start`, in the caller's thread: None, or the
    `IntegrityError` that refused the rows, which leaves the caller's transaction
    to be rolled back to a savepoint before anything else; any other error is
    raised. Other databases insert at once (`bulk_create`).

    On PostgreSQL the foreign keys of the tables of the models it is made for are
    checked as their rows arrive, during the COPY, rather than at commit (Django
    makes them deferred): a hundred thousand rows' checks took a second at
    commit, with nothing else to do meanwhile. They are deferred again when the
    block ends."""

    def __init__(self, *models, using="default"):
        self.connection = connections[using]
        self.tables = [model._meta.db_table for model in models]
        self._running = None  # (thread, {"error": ...}, copy, done)
        self._wrapper = None
        self._immediate = None  # the tables' deferred foreign keys, made immediate

    def __enter__(self):
        self._wrapper = self.connection.execute_wrapper(self._before_query)
        self._wrapper.__enter__()
        return self

    def __exit__(self, kind, error, traceback):
        try:
            if kind is None:
                self.finish()
                self._set_constraints("DEFERRED")
            elif self._running is not None:
                # The caller's error undoes the rows; only wait for the connection.
                self._running[0].join()
                self._running = None
        finally:
            self._wrapper.__exit__(kind, error, traceback)

    def _before_query(self, execute, sql, params, many, context):
        self.finish()
        return execute(sql, params, many, context)

    def start(self, objs, done):
        """Begin inserting ``objs`` (new instances of one of the block's models, as
        `copy_insert`), after the COPY before them ends."""
        self.finish()
        if not objs:
            done(None)  # nothing to write: no savepoint, no query
            return
        if self.connection.vendor != "postgresql":
            try:
                # A savepoint of its own, so that a refusal leaves the caller's
                # transaction usable, as a refused COPY does.
                with transaction.atomic(using=self.connection.alias):
                    copy_insert(objs, using=self.connection.alias)
            except IntegrityError as refused:
                done(refused)
            else:
                done(None)
            return
        self._check_at_once()
        copy = _Copy(objs, self.connection)
        # The rows are written here, in the caller's thread: the COPY's thread
        # only hands them to the driver, which sends them without Python's lock,
        # so the two threads do not take turns at Python's work.
        rows = io.StringIO("".join(copy.lines()))
        outcome = {}
        thread = threading.Thread(target=_run, args=(copy, rows, outcome), name="copy_insert")
        thread.start()
        self._running = (thread, outcome, copy, done)

    def _check_at_once(self):
        """Have the tables' deferred foreign keys checked as rows arrive, from the
        first COPY on (a block that copies nothing pays no query for it)."""
        if self._immediate is not None:
            return
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s) "
                "AND contype = 'f' AND condeferrable AND condeferred",
                [self.tables],
            )
            self._immediate = [name for (name,) in cursor.fetchall()]
        self._set_constraints("IMMEDIATE")

    def _set_constraints(self, mode):
        if self._immediate:
            names = ", ".join(self.connection.ops.quote_name(name) for name in self._immediate)
            with self.connection.cursor() as cursor:
                cursor.execute(f"SET CONSTRAINTS {names} {mode}")

    def finish(self):
        """Wait for the running COPY, if any, and hand its outcome to its callback."""
        if self._running is None:
            return
        thread, outcome, copy, done = self._running
        self._running = None
        thread.join()
        error = outcome.get("error")
        if error is None:
            copy.saved()
            done(None)
        elif isinstance(error, IntegrityError):
            done(error)
        else:
            raise error


def _run(copy, rows, outcome):
    try:
        copy.run(rows)
    except BaseException as error:  # handed to the caller's thread (`BackgroundCopies.finish`)
        outcome["error"] = error
