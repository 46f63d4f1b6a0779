"""What the API shows of a row of ``values()``: a serializer's fields, each read from
the row's key for its source.

The API reads the vacancies it shows as rows, not model instances. Building fifty
instances of sixty columns (modeltranslation wraps each one's ``__init__``) with
their costs prefetched, copying the serializer's fields and walking each field's
source took 12.6-16 ms of the list's in-process time at 200,000 vacancies; read as
rows, 7.3-8.3 ms. The prefetched costs also pointed back at their vacancy, so each
page was cyclic garbage for the collector to find.

A field is shown as DRF shows it, by its own ``to_representation``, and a None as
None; only where its value comes from differs:
- a model column: the row's key for it;
- a relation shown by its primary key (DRF's ``use_pk_only_optimization``): the
  foreign key's column;
- a source across foreign keys (``partner.name``): Django's lookup
  (``partner__name``);
- a nested serializer of many: the row's key for its source, a list of rows that
  the reader attached (`nested_values` names their keys);
- a method field: the method, given the row.

A field of any other kind is refused when the plan is built, so that a new field
cannot be shown wrong. A test holds the result to DRF's own for the same vacancies
read as instances.
"""

import functools

from django.core.exceptions import ImproperlyConfigured
from rest_framework.fields import SerializerMethodField
from rest_framework.relations import PKOnlyObject, RelatedField
from rest_framework.serializers import BaseSerializer, ListSerializer


class RowsMixin:
    """For a ModelSerializer: `to_representation` of a row read with
    ``values(*row_values())``, nested rows attached under their sources."""

    @classmethod
    def row_values(cls):
        """The names to read a row with."""
        return _plan(cls).values

    @classmethod
    def nested_values(cls):
        """{source of a nested serializer of many: the names to read its rows with}."""
        return _plan(cls).nested

    def to_representation(self, row):
        return _plan(type(self)).show(row)


class _Plan:
    def __init__(self, serializer):
        self.steps = []  # (name, key of the row or None for the whole row, convert)
        self.values = []
        self.nested = {}
        model = serializer.Meta.model
        for field in serializer._readable_fields:
            self.steps.append(self._step(model, field))

    def _step(self, model, field):
        name = field.field_name
        if isinstance(field, SerializerMethodField):
            return name, None, getattr(field.parent, field.method_name)
        if isinstance(field, ListSerializer) and isinstance(field.child, RowsMixin):
            child = _plan(type(field.child))
            self.nested[field.source] = child.values
            return name, field.source, child.show_all
        if isinstance(field, BaseSerializer):
            raise ImproperlyConfigured(f"{name}: a nested serializer shows rows of many.")
        *through, last = _path(model, field.source_attrs, name)
        if isinstance(field, RelatedField):
            if through or not (last.many_to_one and field.use_pk_only_optimization()):
                raise ImproperlyConfigured(f"{name}: a relation is shown by its own key.")
            self.values.append(last.attname)
            return name, last.attname, functools.partial(_by_key, field.to_representation)
        if last.is_relation:
            raise ImproperlyConfigured(f"{name}: a relation needs a related field.")
        lookup = "__".join([*(step.name for step in through), last.attname])
        self.values.append(lookup)
        return name, lookup, field.to_representation

    def show(self, row):
        shown = {}
        for name, key, convert in self.steps:
            if key is None:
                shown[name] = convert(row)
            else:
                value = row[key]
                shown[name] = None if value is None else convert(value)
        return shown

    def show_all(self, rows):
        return [self.show(row) for row in rows]


@functools.cache
def _plan(serializer_class):
    """Built once per class: the fields of a serializer, which do not change with the
    language for showing (their messages do, for validating)."""
    return _Plan(serializer_class())


def _by_key(to_representation, key):
    return to_representation(PKOnlyObject(pk=key))


def _path(model, attrs, name):
    """The model fields a source walks: foreign keys, then the field it ends on."""
    fields = []
    for attr in attrs:
        if fields and not fields[-1].many_to_one:
            raise ImproperlyConfigured(f"{name}: a source goes on through foreign keys only.")
        current = fields[-1].related_model if fields else model
        field = current._meta.get_field(attr)
        if not field.concrete:
            raise ImproperlyConfigured(f"{name}: {attr} is not a column.")
        fields.append(field)
    if not fields:
        raise ImproperlyConfigured(f"{name}: the whole object is shown by a method field.")
    return fields
