"""Load ban records into a source: from a CSV file (``import_bans``) or from any
iterable of row dicts (partner feeds sending JSON).

Each row is validated on its own; a bad row is reported with its line, field and
message and skipped, the others load. Records are matched by the source's
external id, so importing the same rows again changes nothing.
"""

import csv
import itertools
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from blacklist.forms import validate_name
from blacklist.models import BanRecord

COLUMNS = (
    "external_id",
    "surname",
    "given_name",
    "patronymic",
    "date_of_birth",
    "citizenship",
    "document_number",
    "ban_start",
    "ban_end",
    "basis",
)
# Fields compared to decide whether a known record changed.
_DATA_FIELDS = COLUMNS[1:]
_DERIVED_FIELDS = ("name_key_1", "name_key_2", "document_key", "script")
_BATCH = 1000
_ISO_DATE = ["%Y-%m-%d"]


class BanRowForm(forms.Form):
    """One row of a list; ISO dates, ISO 3166 country codes, empty for unknown."""

    external_id = forms.CharField(max_length=100)
    surname = forms.CharField(max_length=150, validators=[validate_name])
    given_name = forms.CharField(max_length=150, validators=[validate_name])
    patronymic = forms.CharField(max_length=150, required=False)
    date_of_birth = forms.DateField(input_formats=_ISO_DATE)
    citizenship = forms.TypedChoiceField(choices=[("", ""), *countries], required=False, coerce=str)
    document_number = forms.CharField(max_length=40, required=False)
    ban_start = forms.DateField(input_formats=_ISO_DATE, required=False)
    ban_end = forms.DateField(input_formats=_ISO_DATE, required=False)
    basis = forms.ChoiceField(choices=BanRecord.Basis.choices)

    def clean(self):
        data = super().clean()
        start, end = data.get("ban_start"), data.get("ban_end")
        if start and end and end < start:
            self.add_error("ban_end", _("The ban cannot end before it starts."))
        return data


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str

    def __str__(self):
        return f"line {self.line}, {self.field}: {self.message}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    errors: list[RowError] = field(default_factory=list)

    def __str__(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.deactivated} deactivated, {len(self.errors)} rows skipped"
        )


def _validated(rows, first_line, report):
    """Yield (line, cleaned data) for good rows; note the errors of bad ones."""
    seen = set()
    for line, row in enumerate(rows, first_line):
        if not isinstance(row, dict):
            report.errors.append(RowError(line, "-", str(_("A row must be an object."))))
            continue
        data = {
            column: value.strip() if isinstance(value, str) else value
            for column, value in row.items()
            if column in COLUMNS
        }
        data = {column: "" if value is None else value for column, value in data.items()}
        if isinstance(data.get("citizenship"), str):
            data["citizenship"] = data["citizenship"].upper()
        form = BanRowForm(data)
        if not form.is_valid():
            for name, messages in form.errors.items():
                for message in messages:
                    report.errors.append(RowError(line, name, message))
            continue
        cleaned = form.cleaned_data
        if cleaned["external_id"] in seen:
            report.errors.append(
                RowError(line, "external_id", str(_("This identifier appears twice.")))
            )
            continue
        seen.add(cleaned["external_id"])
        yield line, cleaned


def import_rows(source, rows, *, first_line=1, complete=False):
    """Create or update ``source``'s records from ``rows`` (dicts keyed by `COLUMNS`).

    ``first_line`` numbers the first row in error reports (2 for a CSV with a
    header). With ``complete`` the rows are the whole list: records missing from
    it are marked inactive. Updates the source's freshness and active count.
    """
    report = ImportReport()
    today = timezone.localdate()
    seen_ids = set()
    valid = _validated(rows, first_line, report)
    with transaction.atomic():
        while batch := list(itertools.islice(valid, _BATCH)):
            _upsert(source, [data for _, data in batch], today, report)
            seen_ids.update(data["external_id"] for _, data in batch)
        if complete:
            missing = source.records.filter(is_active=True).exclude(external_id__in=seen_ids)
            report.deactivated = missing.update(is_active=False)
        source.refresh_statistics()
    return report


def _upsert(source, batch, today, report):
    ids = [data["external_id"] for data in batch]
    existing = {record.external_id: record for record in source.records.filter(external_id__in=ids)}
    new, changed, seen = [], [], []
    for data in batch:
        record = existing.get(data["external_id"])
        if record is None:
            record = BanRecord(source=source, first_seen=today, last_seen=today, **data)
            record.set_derived_fields()
            new.append(record)
            continue
        differs = any(getattr(record, name) != data[name] for name in _DATA_FIELDS)
        if differs or not record.is_active:
            for name in _DATA_FIELDS:
                setattr(record, name, data[name])
            record.is_active = True
            record.last_seen = today
            record.set_derived_fields()
            changed.append(record)
        elif record.last_seen != today:
            seen.append(record.pk)
            report.unchanged += 1
        else:
            report.unchanged += 1
    BanRecord.objects.bulk_create(new)
    BanRecord.objects.bulk_update(
        changed,
        [*_DATA_FIELDS, "is_active", "last_seen", *_DERIVED_FIELDS],
    )
    if seen:
        BanRecord.objects.filter(pk__in=seen).update(last_seen=today)
    report.created += len(new)
    report.updated += len(changed)


def read_csv(file):
    """Rows of a list CSV (UTF-8, header of `COLUMNS`); raises ValueError on a bad header."""
    reader = csv.DictReader(file)
    header = reader.fieldnames or []
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise ValueError(f"missing columns: {', '.join(missing)}")
    return reader
