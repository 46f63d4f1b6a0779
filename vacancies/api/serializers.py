"""Vacancies and countries over the API. Readers get every language at once; a
partner writes the same shape back."""

import copy
from decimal import Decimal

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.serializers import BaseSerializer

from vacancies.api.rows import RowsMixin
from vacancies.models import GUIDE_SECTIONS, Country, Occupation, Vacancy, VacancyCost
from vacancies.selectors import hidden_guide_sections

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES


def translated(name):
    """The five language columns of a translated field, for a serializer's fields."""
    return [f"{name}_{lang}" for lang in LANGUAGES]


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", *translated("name"), "reviewed_on"]


class CountryGuideSerializer(CountrySerializer):
    """A guide in every language; a section an editor has marked for checking is
    empty until it is cleared (`vacancies.selectors.hidden_guide_sections`)."""

    class Meta(CountrySerializer.Meta):
        fields = [
            *CountrySerializer.Meta.fields,
            *(column for field, _label in GUIDE_SECTIONS for column in translated(field)),
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for field in hidden_guide_sections(instance):
            for column in translated(field):
                data[column] = ""
        return data


# (serializer class, language): its fields as DRF built them (`VacancySerializer.get_fields`).
_BUILT_FIELDS = {}


class CostSerializer(RowsMixin, serializers.ModelSerializer):
    currency = serializers.RegexField(r"^[A-Z]{3}$", max_length=3)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal(0))

    class Meta:
        model = VacancyCost
        fields = ["kind", "amount", "currency"]


class PreloadedMixin:
    """Finds the object a record names in the serializer's context,
    ``preloaded[field name]`` ({key as text: object}), which a caller validating
    many records (a feed document) loads once instead of querying per record. A
    key not found there is looked up as DRF does, so what is accepted and every
    error message stay the same."""

    def to_internal_value(self, data):
        preloaded = self.context.get("preloaded", {}).get(self.field_name)
        if preloaded and isinstance(data, (str, int)) and not isinstance(data, bool):
            found = preloaded.get(str(data))
            if found is not None:
                return found
        return super().to_internal_value(data)


class PreloadedSlugRelatedField(PreloadedMixin, serializers.SlugRelatedField):
    pass


class PreloadedPrimaryKeyRelatedField(PreloadedMixin, serializers.PrimaryKeyRelatedField):
    pass


class PreloadedCodeRelatedField(PreloadedSlugRelatedField):
    """A relation named by its code, which is the related model's primary key: shown
    from the foreign key column itself, so a list reads no country or occupation
    row (a country row carries its whole guide in five languages)."""

    def use_pk_only_optimization(self):
        return True

    def to_representation(self, value):
        return value.pk


# Values a field remembers having validated (`remember_validated`), at most.
REMEMBERED_VALUES = 4096
# What a record's value can be for a field to remember it: a JSON scalar. The type
# is part of the key, as ``True == 1`` and ``1 == 1.0``.
_SCALARS = (str, int, float, bool, type(None))
# What a field may make of a scalar that must not be shared between records.
_CONTAINERS = (list, dict, set)


def remember_validated(field):
    """Have a field give the value it validated before for the same input, without
    validating it again. Only fields whose answer follows from the input alone:
    not a nested serializer (its input is a list or an object), nor a field with
    a validator that reads the instance or the other fields (``requires_context``,
    such as DRF's uniqueness checks); an absent value (`empty`) still takes the
    field's default each time, and a list or dict made of a value is made anew. A
    refusal is not remembered, so every refused
    record gets its own messages, in the language of its serializer; the first
    ``REMEMBERED_VALUES`` values accepted are, so a column of ids or titles that
    never repeat costs no more memory than that."""
    if isinstance(field, BaseSerializer) or any(
        getattr(validator, "requires_context", False) for validator in field.validators
    ):
        return
    validate = field.run_validation
    accepted = {}

    def run_validation(data=empty):
        if type(data) not in _SCALARS:
            return validate(data)
        key = (type(data), data)
        try:
            return accepted[key]
        except KeyError:
            value = validate(data)
            if len(accepted) < REMEMBERED_VALUES and not isinstance(value, _CONTAINERS):
                accepted[key] = value
            return value

    field.run_validation = run_validation


class VacancySerializer(RowsMixin, serializers.ModelSerializer):
    serializer_related_field = PreloadedPrimaryKeyRelatedField

    country = PreloadedCodeRelatedField(slug_field="code", queryset=Country.objects.all())
    occupation = PreloadedCodeRelatedField(
        slug_field="code", queryset=Occupation.objects.all(), required=False, allow_null=True
    )
    costs = CostSerializer(many=True, required=False)
    wage_currency = serializers.RegexField(r"^[A-Z]{3}$", max_length=3)
    positions = serializers.IntegerField(min_value=1, max_value=100_000, required=False)
    wage_min = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    wage_max = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=Decimal("0.01"), required=False, allow_null=True
    )
    hours_per_week = serializers.IntegerField(
        min_value=1, max_value=84, required=False, allow_null=True
    )
    contract_months = serializers.IntegerField(min_value=1, max_value=120)
    age_min = serializers.IntegerField(min_value=16, max_value=75, required=False, allow_null=True)
    age_max = serializers.IntegerField(min_value=16, max_value=75, required=False, allow_null=True)
    external_id = serializers.CharField(max_length=100)
    url = serializers.SerializerMethodField()
    source_partner = serializers.CharField(source="partner.name", read_only=True, allow_null=True)

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "url",
            "external_id",
            "status",
            *translated("title"),
            *translated("description"),
            "country",
            "city",
            "employer_name",
            "employer_registration",
            "occupation",
            "positions",
            "wage_min",
            "wage_max",
            "wage_currency",
            "wage_period",
            "monthly_wage_usd",
            "hours_per_week",
            "contract_months",
            "visa_type",
            "language",
            "language_level",
            "age_min",
            "age_max",
            "experience_years",
            *translated("qualifications"),
            "housing",
            "meals",
            "transport",
            "insurance",
            "flight",
            "costs",
            "deadline",
            "start_date",
            "channel",
            "agency",
            "authority",
            "published_at",
            "expires_on",
            "source",
            "source_partner",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "url",
            "monthly_wage_usd",
            "published_at",
            "source",
            "source_partner",
            "updated_at",
        ]
        extra_kwargs = {"title_en": {"required": True, "allow_blank": False, "allow_null": False}}

    @classmethod
    def for_records(cls, names, **kwargs):
        """A serializer to validate many records (a feed document) with, one
        `run_validation` each, when no record names a field outside ``names``: the
        optional fields without a default that none names are left out, since
        every record would skip them anyway and skipping thirty fields costs more
        than validating ten; so are the read-only ones, which validation passes
        over (none has a default for DRF to add). Each field that remains
        remembers what it made of a value (`remember_validated`): a document
        repeats its destination, currency, visa, employers and wages in record
        after record. Validation only: it cannot represent a vacancy."""
        serializer = cls(**kwargs)
        for name, field in list(serializer.fields.items()):
            unnamed = name not in names and not field.required
            if field.default is empty and (field.read_only or unnamed):
                del serializer.fields[name]
            else:
                remember_validated(field)
        return serializer

    def get_fields(self):
        """Copies of the fields as built the first time in this process and language:
        DRF builds each of the 54 from its model field for every serializer (a
        millisecond of each API page). Each serializer gets fields of its own, as
        DRF's own copies of declared fields give it, but copied plainly: a deep copy
        builds each field again (`Field.__deepcopy__`), which took another
        millisecond. A nested serializer (the costs) is copied deep, for its fields
        and their parent. The fields are built per language because a validator's
        message (DRF's ``lazy_format``) keeps the text of the first language it is
        read in."""
        key = (type(self), get_language())
        built = _BUILT_FIELDS.get(key)
        if built is None:
            built = _BUILT_FIELDS[key] = super().get_fields()
        return {
            name: copy.deepcopy(field) if isinstance(field, BaseSerializer) else copy.copy(field)
            for name, field in built.items()
        }

    def get_url(self, row) -> str:
        """`Vacancy.get_absolute_url` of the row's vacancy."""
        return Vacancy.path_of(row["id"])

    def validate(self, data):
        merged = {
            name: data.get(name, getattr(self.instance, name, None))
            for name in ("wage_min", "wage_max", "age_min", "age_max")
        }
        errors = {}
        if merged["wage_max"] is not None and merged["wage_max"] < merged["wage_min"]:
            errors["wage_max"] = _("The maximum wage is below the minimum wage.")
        if merged["age_min"] and merged["age_max"] and merged["age_max"] < merged["age_min"]:
            errors["age_max"] = _("The maximum age is below the minimum age.")
        kinds = [cost["kind"] for cost in data.get("costs", []) if cost["kind"] != "other"]
        if len(kinds) != len(set(kinds)):
            errors["costs"] = _("List each kind of cost once (except “other”).")
        if errors:
            raise serializers.ValidationError(errors)
        return data
