"""What each kind of feed does with its records: each calls the owning app's own
import or state-change code, so a feed obeys the same rules as the admin and API.

Every kind offers ``apply(feed, run, rows, first_line)`` returning an `Applied`,
and, for kinds where a full snapshot withdraws what it leaves out,
``withdraw(feed, run, ids)`` and the ids still active: ``active_ids(feed)``, asked
after applying, or `Applied.active`, read while applying."""

import functools
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from agencies import services as agency_services
from agencies.channels import normalise_licence_number
from agencies.models import Licence, LicenceStatus
from blacklist import importing
from directory import services as directory_services
from feeds import documents
from feeds.models import RECORDED_LANGUAGE, languages, recording
from vacancies import services as vacancy_services
from vacancies.api.serializers import VacancySerializer
from vacancies.models import ExchangeRate, Vacancy


@dataclass
class Applied:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # (line, field, message); a message lazy, a ValidationError or {language: text}
    # wherever it can be, so that it is recorded in each language
    # (`feeds.models.recorded`).
    errors: list = field(default_factory=list)
    ids: set = field(default_factory=set)  # every external id the document names
    # The ids of the feed's active records, when the kind read them as it applied
    # the document (None: sync asks the kind's `active_ids`).
    active: set | None = None


def _serializer_errors(line, errors, prefix=""):
    """(line, field, message) of DRF's nested error structure."""
    if isinstance(errors, dict):
        for name, value in errors.items():
            yield from _serializer_errors(line, value, f"{prefix}.{name}" if prefix else name)
    elif isinstance(errors, list):
        for index, value in enumerate(errors):
            if isinstance(value, (dict, list)):
                yield from _serializer_errors(line, value, f"{prefix}.{index}")
            else:
                yield (line, "-" if prefix in ("", "non_field_errors") else prefix, str(value))


class _Serializers(dict):
    """A serializer per language, made when first asked for: DRF renders its
    messages as it validates, in the active language, and its fields keep the
    first rendering of a message with parameters (``lazy_format``)."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, language):
        self[language] = self.make()
        return self[language]


def _serializer_errors_in_every_language(line, serializers_, record, error):
    """(line, field, {language: message}) of a record the serializer of
    RECORDED_LANGUAGE refused with ``error``: the record is validated again by the
    serializer of each other language (only refused records pay for it)."""
    found = {RECORDED_LANGUAGE: list(_serializer_errors(line, error.detail))}
    for code in languages() - {RECORDED_LANGUAGE}:
        with translation.override(code):
            try:
                serializers_[code].run_validation(record)
            except serializers.ValidationError as again:
                found[code] = list(_serializer_errors(line, again.detail))
    for index, (_line, name, _text) in enumerate(found[RECORDED_LANGUAGE]):
        yield (
            line,
            name,
            {
                code: errors[index][2]
                for code, errors in found.items()
                if len(errors) == len(found[RECORDED_LANGUAGE])
            },
        )


def _django_errors(line, error, field="-"):
    """(line, field, message) of a ValidationError, each message one ValidationError
    still holding its message and parameters apart; ``field`` for those of none."""
    fields = error.error_dict if hasattr(error, "error_dict") else {field: error.error_list}
    for name, errors in fields.items():
        for one in errors:
            yield (line, "-" if name == "__all__" else name, one)


def _form_errors(line, form):
    for name, errors in form.errors.as_data().items():
        for one in errors:
            yield (line, name, one)


NOT_AN_OBJECT = gettext_lazy("A record must be an object.")


def _ids(rows, key):
    return {str(row.get(key)).strip() for row in rows if isinstance(row, dict) and row.get(key)}


class Vacancies:
    """Each record goes through the partner API's own serializer and the rules of
    `vacancies.services.save_partner_vacancy` (entitlement, licence, fee cap,
    model validation), a batch of records at a time (`PartnerVacancies`), so a
    refused record leaves the others applied. A record identical to the one a
    vacancy was last saved from is not even validated again; one that states
    nothing new is not saved again."""

    def apply(self, feed, run, rows, first_line):
        applied = Applied(ids=_ids(rows, "external_id"))
        vacancies = vacancy_services.PartnerVacancies(
            feed.partner, source=Vacancy.Source.FEED, feed_id=feed.pk
        )
        # The feed's published vacancies are read with the checksums: those the
        # document leaves out are the same after it is applied, as every vacancy
        # it publishes it names.
        stored, applied.active = vacancies.stored(marked=self._delivered(feed))

        @functools.cache
        def serializer_arguments():
            """Read once the first record needs validating: a document that states
            nothing new needs none of it (its field names alone, a million
            lookups in a document of 100,000 records)."""
            names = {"status", *(name for row in rows if isinstance(row, dict) for name in row)}
            return {"names": names, "context": {"preloaded": vacancies.related_objects()}}

        serializers_ = _Serializers(lambda: VacancySerializer.for_records(**serializer_arguments()))
        seen, lines = set(), []

        def checked():
            for start in range(0, len(rows), vacancies.batch_size):
                # Checked a batch at a time in the recorded language (one switch of
                # language per batch, not per record), and saved in the caller's,
                # as the batch before it is written (`PartnerVacancies.save`).
                with recording():
                    batch = self._checked(
                        rows[start : start + vacancies.batch_size],
                        first_line + start,
                        stored,
                        seen,
                        serializers_,
                        applied,
                    )
                for line, data, checksum in batch:
                    lines.append(line)
                    yield data, checksum

        outcomes = vacancies.save(checked())
        for line, outcome in zip(lines, outcomes, strict=True):
            if isinstance(outcome, ValidationError):
                applied.errors.extend(_django_errors(line, outcome))
            else:
                setattr(applied, outcome, getattr(applied, outcome) + 1)
        return applied

    def _checked(self, rows, first_line, stored, seen, serializers_, applied):
        """[(line, validated data, checksum), ...] of the records that state
        something new, counting the unchanged and refused ones in ``applied``."""
        checked = []
        for line, row in enumerate(rows, first_line):
            if not isinstance(row, dict):
                applied.errors.append((line, "-", NOT_AN_OBJECT))
                continue
            checksum = documents.record_checksum(row)
            key = str(row.get("external_id")).strip()
            if stored.get(key) == checksum and key not in seen:
                seen.add(key)
                applied.unchanged += 1
                continue
            record = {"status": Vacancy.Status.PUBLISHED, **row}
            try:
                data = serializers_[RECORDED_LANGUAGE].run_validation(record)
            except serializers.ValidationError as error:
                applied.errors.extend(
                    _serializer_errors_in_every_language(line, serializers_, record, error)
                )
                continue
            if data["external_id"] in seen:
                applied.errors.append(
                    (
                        line,
                        "external_id",
                        gettext_lazy("This external id appears more than once in the document."),
                    )
                )
                continue
            seen.add(data["external_id"])
            checked.append((line, data, checksum))
        return checked

    def _delivered(self, feed):
        """The feed's own published vacancies: those it delivered last, not those of
        the partner's other feeds (`Vacancy.source_feed_id`)."""
        return Q(
            partner=feed.partner,
            source=Vacancy.Source.FEED,
            source_feed_id=feed.pk,
            status=Vacancy.Status.PUBLISHED,
        )

    def withdraw(self, feed, run, ids):
        return vacancy_services.close_vacancies(
            Vacancy.objects.filter(self._delivered(feed), external_id__in=ids)
        )


class Bans:
    """Records of the feed's ban list. A full snapshot is the whole list, so a list
    has at most one full-snapshot feed (`Feed.Meta.constraints`) and it withdraws
    what the list no longer names."""

    def apply(self, feed, run, rows, first_line):
        with recording():  # the ban list renders its messages at once
            report = importing.import_rows(feed.ban_source, rows, first_line=first_line)
        errors = [(error.line, error.field, error.message) for error in report.errors]
        return Applied(
            report.created, report.updated, report.unchanged, errors, _ids(rows, "external_id")
        )

    def active_ids(self, feed):
        return set(
            feed.ban_source.records.filter(is_active=True).values_list("external_id", flat=True)
        )

    def withdraw(self, feed, run, ids):
        """Lift the bans a full list no longer names, as ``import_rows(complete=True)``
        does, but only for the ids the guard let through."""
        lifted = feed.ban_source.records.filter(is_active=True, external_id__in=ids).update(
            is_active=False
        )
        feed.ban_source.refresh_statistics()
        return lifted


class LicenceRowForm(forms.Form):
    licence_number = forms.CharField(max_length=60)
    status = forms.ChoiceField(choices=LicenceStatus.choices)
    reason = forms.CharField(max_length=2000, required=False)
    expires_on = forms.DateField(input_formats=["%Y-%m-%d"], required=False)


class Licences:
    """Licence statuses from the authority's own register. Each change goes
    through `agencies.services`, which records a `LicenceEvent`; its legal basis
    names the feed and run. A licence left out of a full list is suspended; the
    full list is the authority's whole register, so an authority has at most one
    full-snapshot feed (`Feed.Meta.constraints`)."""

    def _basis(self, feed, run):
        """The legal basis of the licence events a run records, in the portal's
        language (runs record their own messages in English)."""
        with translation.override(settings.LANGUAGE_CODE):
            return _("Partner feed %(feed)s, run %(run)s") % {"feed": feed, "run": run.pk}

    def _change(self, licence, target, feed, run, reason, expires_on=None):
        basis = self._basis(feed, run)
        reason = reason or basis
        current = licence.status
        if target == LicenceStatus.ACTIVE and current == LicenceStatus.SUSPENDED:
            agency_services.reinstate(licence, actor=None, reason=reason, legal_basis=basis)
        elif target == LicenceStatus.ACTIVE and current == LicenceStatus.EXPIRED:
            agency_services.renew(
                licence, actor=None, expires_on=expires_on, reason=reason, legal_basis=basis
            )
        elif target == LicenceStatus.ACTIVE and current == "":
            agency_services.activate(licence, actor=None, reason=reason, legal_basis=basis)
        elif target == LicenceStatus.SUSPENDED:
            agency_services.suspend(licence, actor=None, reason=reason, legal_basis=basis)
        elif target == LicenceStatus.REVOKED:
            agency_services.revoke(licence, actor=None, reason=reason, legal_basis=basis)
        elif target == LicenceStatus.SURRENDERED:
            agency_services.record_surrender(licence, actor=None, reason=reason, legal_basis=basis)
        else:
            raise ValidationError(
                gettext_lazy("A feed cannot make a licence that is %(current)s %(target)s."),
                params={
                    "current": LicenceStatus(current).label if current else "-",
                    "target": LicenceStatus(target).label,
                },
            )

    def apply(self, feed, run, rows, first_line):
        with recording():  # `agencies.services` renders its messages at once
            return self._apply(feed, run, rows, first_line)

    def _apply(self, feed, run, rows, first_line):
        applied = Applied()
        licences = {
            licence.number_normalised: licence
            for licence in Licence.objects.filter(authority=feed.authority)
        }
        for line, row in enumerate(rows, first_line):
            if not isinstance(row, dict):
                applied.errors.append((line, "-", NOT_AN_OBJECT))
                continue
            # A refused row still names its licence: a full snapshot must not
            # withdraw a licence because its row had a mistake.
            if isinstance(row.get("licence_number"), str):
                applied.ids.add(normalise_licence_number(row["licence_number"]))
            form = LicenceRowForm({k: "" if v is None else v for k, v in row.items()})
            if not form.is_valid():
                applied.errors.extend(_form_errors(line, form))
                continue
            data = form.cleaned_data
            key = normalise_licence_number(data["licence_number"])
            applied.ids.add(key)
            licence = licences.get(key)
            if licence is None:
                applied.errors.append(
                    (
                        line,
                        "licence_number",
                        gettext_lazy("No licence of this authority has this number."),
                    )
                )
                continue
            if licence.status == data["status"]:
                applied.unchanged += 1
                continue
            try:
                self._change(licence, data["status"], feed, run, data["reason"], data["expires_on"])
            except ValidationError as error:
                applied.errors.extend(_django_errors(line, error, field="status"))
                continue
            applied.updated += 1
        return applied

    def active_ids(self, feed):
        return set(
            Licence.objects.filter(
                authority=feed.authority, status=LicenceStatus.ACTIVE
            ).values_list("number_normalised", flat=True)
        )

    def withdraw(self, feed, run, ids):
        basis = self._basis(feed, run)
        with translation.override(settings.LANGUAGE_CODE):
            reason = _("Missing from the authority's full list (%(basis)s).") % {"basis": basis}
        count = 0
        for licence in Licence.objects.filter(authority=feed.authority, number_normalised__in=ids):
            agency_services.suspend(licence, actor=None, reason=reason, legal_basis=basis)
            count += 1
        return count


class RateRowForm(forms.ModelForm):
    class Meta:
        model = ExchangeRate
        fields = ["currency", "per_usd", "date"]


class Rates:
    """Exchange rates into the table the vacancies app converts wages with; rates
    are history, so nothing is ever withdrawn."""

    def apply(self, feed, run, rows, first_line):
        applied = Applied()
        vacancy_services.save_exchange_rates(self._changed_rates(rows, first_line, applied))
        return applied

    def _changed_rates(self, rows, first_line, applied):
        """The new and corrected rates, unsaved, counting each record in ``applied``;
        `save_exchange_rates` saves each before the next record is read."""
        for line, row in enumerate(rows, first_line):
            if not isinstance(row, dict):
                applied.errors.append((line, "-", NOT_AN_OBJECT))
                continue
            data = {k: "" if v is None else v for k, v in row.items()}
            if isinstance(data.get("currency"), str):
                data["currency"] = data["currency"].strip().upper()
            current = _stored_rate(data)
            known = current.per_usd if current else None
            form = RateRowForm(data, instance=current)
            if not form.is_valid():
                applied.errors.extend(_form_errors(line, form))
                continue
            if current is None:
                applied.created += 1
            elif known != form.cleaned_data["per_usd"]:
                applied.updated += 1
            else:
                applied.unchanged += 1
                continue
            yield form.save(commit=False)


def _stored_rate(data):
    """The stored rate a record replaces: a day's rate is corrected, not duplicated."""
    try:
        return ExchangeRate.objects.filter(
            currency=data.get("currency"), date=data.get("date")
        ).first()
    except (ValidationError, ValueError, TypeError):
        return None


class Directory:
    """Organisations of the directory of help from an authority's own list (its
    offices abroad, hotlines, partner organisations). Each record is checked by
    `directory.services.OrganisationRecordForm` and saved by
    `directory.services.save_feed_record`, keyed by the partner's ``external_id``
    within the feed; a full snapshot hides what it no longer names."""

    def apply(self, feed, run, rows, first_line):
        applied = Applied(ids=_ids(rows, "external_id"))
        seen = set()
        for line, row in enumerate(rows, first_line):
            if not isinstance(row, dict):
                applied.errors.append((line, "-", NOT_AN_OBJECT))
                continue
            form = directory_services.OrganisationRecordForm(
                {k: "" if v is None else v for k, v in row.items()}
            )
            if not form.is_valid():
                applied.errors.extend(_form_errors(line, form))
                continue
            key = form.cleaned_data["external_id"]
            if key in seen:
                applied.errors.append(
                    (
                        line,
                        "external_id",
                        gettext_lazy("This external id appears more than once in the document."),
                    )
                )
                continue
            seen.add(key)
            try:
                outcome = directory_services.save_feed_record(feed.pk, form, str(feed))
            except ValidationError as error:
                applied.errors.extend(_django_errors(line, error))
                continue
            setattr(applied, outcome, getattr(applied, outcome) + 1)
        return applied

    def active_ids(self, feed):
        return set(
            directory_services.feed_organisations(feed.pk)
            .filter(is_active=True)
            .values_list("external_id", flat=True)
        )

    def withdraw(self, feed, run, ids):
        return directory_services.withdraw_feed_organisations(feed.pk, ids)


KINDS = {
    "vacancies": Vacancies(),
    "bans": Bans(),
    "licences": Licences(),
    "rates": Rates(),
    "directory": Directory(),
}
