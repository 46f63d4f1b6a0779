"""Writes to the directory: the records of a partner feed (an authority keeping
its offices, hotlines and partners in sync). The admin writes through its forms."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organisation, Service
from directory.needs import Need

TRANSLATED = ("name", "description", "city", "address", "hours")
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class ListField(forms.Field):
    """A list in JSON, or a text separated by ``;`` or ``,`` (CSV)."""

    def to_python(self, value):
        if value in (None, ""):
            return []
        if isinstance(value, str):
            value = value.replace(";", ",").split(",")
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise forms.ValidationError(_("Give a list of codes."), code="invalid")
        return [item.strip() for item in value if item.strip()]


class OrganisationRecordForm(forms.ModelForm):
    """One feed record: the organisation's fields, its needs (``services``) and
    its id in the partner's system."""

    external_id = forms.CharField(max_length=100)
    website = forms.URLField(required=False, assume_scheme="https")
    services = ListField(required=False)
    languages = ListField(required=False)

    class Meta:
        model = Organisation
        fields = [
            "kind",
            "country",
            "phone",
            "email",
            "website",
            "telegram",
            "contacts_status",
            "verified_on",
            "source",
            *(f"{name}_{code}" for name in TRANSLATED for code in LANGUAGE_CODES),
        ]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and isinstance(data.get("country"), str):
            data = {**data, "country": data["country"].strip().upper()}
        super().__init__(data, *args, **kwargs)
        self.fields["name_en"].required = True
        self.fields["contacts_status"].required = False
        self.fields["source"].required = False

    def clean_services(self):
        needs = self.cleaned_data["services"]
        unknown = sorted(set(needs) - set(Need.values))
        if unknown:
            raise forms.ValidationError(
                _("Unknown needs: %(needs)s."), params={"needs": ", ".join(unknown)}
            )
        return needs

    def clean_contacts_status(self):
        return self.cleaned_data["contacts_status"] or Organisation.Contacts.UNVERIFIED


def feed_organisations(feed_id):
    return Organisation.objects.filter(source_feed_id=feed_id)


@transaction.atomic
def save_feed_record(feed_id, form, default_source):
    """Create or update the organisation a valid record describes; answer
    ``created``, ``updated`` or ``unchanged``."""
    data = dict(form.cleaned_data)
    external_id = data.pop("external_id")
    needs = set(data.pop("services"))
    data["source"] = data["source"] or default_source
    organisation = feed_organisations(feed_id).filter(external_id=external_id).first()
    if organisation is None:
        organisation = Organisation(source_feed_id=feed_id, external_id=external_id)
        outcome = "created"
    else:
        outcome = "unchanged"
    for name, value in data.items():
        if getattr(organisation, name) != value:
            setattr(organisation, name, value)
            outcome = "updated" if outcome == "unchanged" else outcome
    if not organisation.is_active:
        organisation.is_active = True
        outcome = "updated" if outcome == "unchanged" else outcome
    current = (
        set()
        if organisation.pk is None
        else set(organisation.services.values_list("need", flat=True))
    )
    if needs != current and outcome == "unchanged":
        outcome = "updated"
    if outcome == "unchanged":
        return outcome
    organisation.full_clean(exclude=["source_feed_id", "external_id"])
    organisation.updated_at = timezone.now()
    organisation.save()
    organisation.services.exclude(need__in=needs).delete()
    Service.objects.bulk_create(
        [Service(organisation=organisation, need=need) for need in needs - current]
    )
    return outcome


def withdraw_feed_organisations(feed_id, external_ids):
    """Hide the organisations a feed's full list no longer names."""
    return (
        feed_organisations(feed_id)
        .filter(external_id__in=external_ids, is_active=True)
        .update(is_active=False, updated_at=timezone.now())
    )
