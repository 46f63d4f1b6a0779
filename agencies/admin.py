"""The registry's admin for licensing officers.

Status is never a form field: changes are admin actions that ask for the reason
and legal basis on a confirmation page and go through `agencies.services`.
Deposit movements are added inline and recorded by the same services.
"""

import csv

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from agencies import reasons, selectors, services
from agencies.filters import covered_destinations
from agencies.models import (
    Agency,
    AgencyChannel,
    Deposit,
    DepositMovement,
    Licence,
    LicenceDestination,
    LicenceEvent,
    LicensingAuthority,
    MinimumDeposit,
    RecruiterReport,
)


class MinimumDepositInline(admin.TabularInline):
    model = MinimumDeposit
    extra = 0


@admin.register(LicensingAuthority)
class LicensingAuthorityAdmin(TabbedTranslationAdmin):
    list_display = ["name", "country", "max_service_fee", "max_service_fee_currency"]
    search_fields = ["name"]
    inlines = [MinimumDepositInline]


class DestinationInUseFilter(admin.SimpleListFilter):
    """The destinations some licence covers, not the 250 countries of the world."""

    title = _("destination country")
    parameter_name = "destination"

    def lookups(self, request, model_admin):
        return covered_destinations()

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        prefix = "" if queryset.model is Licence else "licences__"
        return queryset.filter(**{f"{prefix}destinations__country": self.value()}).distinct()


class ExpiringSoonFilter(admin.SimpleListFilter):
    title = _("expiring within 30 days")
    parameter_name = "expiring"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes"))]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        prefix = "" if queryset.model is Licence else "licences__"
        return queryset.filter(selectors.expiring_q(prefix=prefix)).distinct()


class BelowMinimumFilter(admin.SimpleListFilter):
    title = _("deposit below minimum")
    parameter_name = "below_minimum"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes"))]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        below = Agency.objects.filter(selectors.below_minimum_q()).values("pk")
        if queryset.model is Licence:
            return queryset.filter(agency__in=below)
        return queryset.filter(pk__in=below)


class AgencyChannelInline(admin.TabularInline):
    model = AgencyChannel
    fields = ["kind", "value", "normalised"]
    readonly_fields = ["normalised"]
    extra = 1


class LicenceLinkInline(admin.TabularInline):
    model = Licence
    fields = ["number", "authority", "status", "issued_on", "expires_on"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class DepositLinkInline(admin.TabularInline):
    model = Deposit
    fields = ["form", "bank", "reference", "currency", "lodged_on", "valid_until", "balance"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("balance"))
    def balance(self, obj):
        return floatformat(selectors.deposit_balance(obj), "2g")


def _search(queryset, term):
    return queryset.filter(pk__in=Agency.objects.search(term).values("pk"))


def export_registry_csv(modeladmin, request, queryset):
    """The registry as CSV: one row per licence, agencies without one on their own row."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="agency-registry.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 Cyrillic only with a BOM
    writer = csv.writer(response)
    writer.writerow(
        [
            _("legal name"),
            _("brand names"),
            _("country of registration"),
            _("registration or tax number"),
            _("region"),
            _("licence number"),
            _("licensing authority"),
            _("status"),
            _("issued on"),
            _("expires on"),
            _("destinations in force"),
        ]
    )
    agencies = list(queryset.prefetch_related("licences__authority", "licences__destinations"))
    in_force = selectors.destinations_in_force(agencies)
    for agency in agencies:
        base = [
            agency.legal_name,
            agency.brand_names,
            agency.country.code,
            agency.tax_number,
            agency.region,
        ]
        licences = list(agency.licences.all())
        for licence in licences:
            countries = sorted(
                d.country.code for d in licence.destinations.all() if in_force.covers(d)
            )
            writer.writerow(
                [
                    *base,
                    licence.number,
                    str(licence.authority),
                    licence.status,
                    licence.issued_on.isoformat(),
                    licence.expires_on.isoformat(),
                    " ".join(countries),
                ]
            )
        if not licences:
            writer.writerow(base + [""] * 6)
    return response


export_registry_csv.short_description = _("Export the selected agencies as CSV")


@admin.register(Agency)
class AgencyAdmin(TabbedTranslationAdmin):
    list_display = ["legal_name", "brand_names", "country", "tax_number", "region", "licences"]
    list_filter = [
        ("licences__authority", admin.RelatedOnlyFieldListFilter),
        "licences__status",
        DestinationInUseFilter,
        ExpiringSoonFilter,
        BelowMinimumFilter,
    ]
    search_fields = ["legal_name"]
    search_help_text = _(
        "Name in Latin or Cyrillic, licence number, tax number, phone, website or handle."
    )
    fields = ["country", "legal_name", "brand_names", "tax_number", "region", "address", "history"]
    readonly_fields = ["history"]
    inlines = [AgencyChannelInline, LicenceLinkInline, DepositLinkInline]
    actions = [export_registry_csv]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("licences")

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return _search(queryset, search_term), False

    @admin.display(description=_("licences"))
    def licences(self, obj):
        return ", ".join(f"{lic.number} ({lic.get_status_display()})" for lic in obj.licences.all())

    @admin.display(description=_("history"))
    def history(self, obj):
        """Every licence event and deposit movement of the agency, newest first, with who."""
        if obj.pk is None:
            return "-"
        events = LicenceEvent.objects.filter(licence__agency=obj).select_related(
            "licence", "officer"
        )
        movements = DepositMovement.objects.filter(deposit__agency=obj).select_related(
            "deposit", "officer"
        )
        rows = [
            (
                event.date,
                event.licence.number,
                f"{event.get_from_status_display() or '—'} → {event.get_to_status_display()}",
                " / ".join(filter(None, [event.reason, event.legal_basis])),
                event.officer or _("system"),
            )
            for event in events
        ] + [
            (
                movement.date,
                str(movement.deposit),
                f"{movement.get_kind_display()} {floatformat(movement.amount, '2g')} "
                f"{movement.deposit.currency}",
                " / ".join(filter(None, [movement.complaint_case, movement.note])),
                movement.officer or "—",
            )
            for movement in movements
        ]
        rows.sort(key=lambda row: row[0], reverse=True)
        if not rows:
            return _("No events yet.")
        body = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            rows,
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>"
            "</thead><tbody>{}</tbody></table>",
            _("date"),
            _("licence or deposit"),
            _("change"),
            _("reason and basis"),
            _("by"),
            body,
        )


class LicenceDestinationInline(admin.TabularInline):
    model = LicenceDestination
    extra = 0


class LicenceEventInline(admin.TabularInline):
    model = LicenceEvent
    fields = ["date", "from_status", "to_status", "reason", "legal_basis", "officer"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class LicenceAddForm(forms.ModelForm):
    """A new licence is put in force at once, if the agency's deposit allows it."""

    class Meta:
        model = Licence
        fields = ["authority", "agency", "number", "issued_on", "expires_on"]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if cleaned["expires_on"] < cleaned["issued_on"]:
            raise ValidationError(
                {"expires_on": _("The licence cannot expire before it is issued.")}
            )
        services.require_deposit(Licence(authority=cleaned["authority"], agency=cleaned["agency"]))
        return cleaned


class StatusChangeForm(forms.Form):
    required_css_class = "required"

    standard_reason = forms.ChoiceField(
        label=_("usual reason"), choices=reasons.reason_choices, required=False
    )
    reason = forms.CharField(
        label=_("reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        error_messages={"required": _("Give the reason for this decision.")},
    )
    legal_basis = forms.CharField(
        label=_("legal basis or document"), max_length=300, required=False
    )
    effective_on = forms.DateField(
        label=_("effective date"),
        required=False,
        help_text=_(
            "The change applies at once. If the decision was taken earlier, give its date; "
            "leave empty for today."
        ),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    expires_on = forms.DateField(
        label=_("new expiry date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The services refuse these without a reason: the form says so before, and
        # keeps what the officer typed.
        self.fields["reason"].required = action in REASON_REQUIRED

    def clean(self):
        """A reason from the list, or the officer's own words."""
        cleaned = super().clean()
        if not cleaned.get("reason") and cleaned.get("standard_reason"):
            cleaned["reason"] = cleaned["standard_reason"]
            self.errors.pop("reason", None)
        return cleaned

    def clean_effective_on(self):
        effective = self.cleaned_data["effective_on"]
        if effective and effective > timezone.localdate():
            raise forms.ValidationError(
                _("The change applies at once: give today or an earlier date.")
            )
        return effective


# The changes that need a reason (``agencies.services`` refuses them without one).
REASON_REQUIRED = {"suspend", "revoke"}


STATUS_ACTIONS = {
    "suspend": (services.suspend, _("Suspend the selected licences")),
    "reinstate": (services.reinstate, _("Reinstate the selected licences")),
    "revoke": (services.revoke, _("Revoke the selected licences")),
    "renew": (services.renew, _("Renew the selected licences")),
    "record_surrender": (services.record_surrender, _("Record surrender of the selected licences")),
}


# The buttons on a licence's page, and the statuses each may start from (as the
# services allow: `agencies.services`).
STATUS_BUTTONS = {
    "suspend": _("Suspend"),
    "reinstate": _("Reinstate"),
    "revoke": _("Revoke"),
    "renew": _("Renew"),
}
STATUS_FROM = {
    "suspend": {Licence.Status.ACTIVE},
    "reinstate": {Licence.Status.SUSPENDED},
    "revoke": {Licence.Status.ACTIVE, Licence.Status.SUSPENDED},
    "renew": {Licence.Status.ACTIVE, Licence.Status.EXPIRED},
}


def _status_action(name):
    service, title = STATUS_ACTIONS[name]

    def action(modeladmin, request, queryset):
        return modeladmin.change_status(request, queryset, name, service, title)

    action.__name__ = name
    action.short_description = title
    action.allowed_permissions = ("change",)
    return action


@admin.register(Licence)
class LicenceAdmin(admin.ModelAdmin):
    list_display = ["number", "agency", "authority", "status", "issued_on", "expires_on"]
    list_filter = [
        "authority",
        "status",
        DestinationInUseFilter,
        ExpiringSoonFilter,
        BelowMinimumFilter,
    ]
    list_select_related = ["agency", "authority"]
    search_fields = ["number"]
    search_help_text = AgencyAdmin.search_help_text
    readonly_fields = ["status", "status_since"]
    fields = ["authority", "agency", "number", "issued_on", "expires_on", "status", "status_since"]
    autocomplete_fields = ["agency"]
    inlines = [LicenceDestinationInline, LicenceEventInline]
    actions = [_status_action(name) for name in STATUS_ACTIONS]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The status changes as buttons on the licence itself, not only as list
        actions; each opens the same confirmation page with the reason."""
        licence = self.get_object(request, object_id)
        buttons = [
            (name, STATUS_BUTTONS[name])
            for name in STATUS_BUTTONS
            if licence is not None and licence.status in STATUS_FROM[name]
        ]
        extra_context = {**(extra_context or {}), "status_buttons": buttons}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = LicenceAddForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # Renewal changes the expiry date, with its event; the rest is the record.
        return [
            "authority",
            "agency",
            "number",
            "issued_on",
            "expires_on",
            "status",
            "status_since",
        ]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["authority", "agency", "number", "issued_on", "expires_on"]
        return self.fields

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        agencies = Agency.objects.search(search_term).values("pk")
        return queryset.filter(agency__in=agencies), False

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
        else:
            services.activate(obj, actor=request.user)

    def change_status(self, request, queryset, name, service, title):
        """Ask for the reason and basis, then apply the service to each licence."""
        if "apply" in request.POST:
            form = StatusChangeForm(request.POST, action=name)
            if form.is_valid():
                self._apply(request, queryset, name, service, form.cleaned_data)
                return None
        else:
            form = StatusChangeForm(action=name)
        return TemplateResponse(
            request,
            "admin/agencies/licence/status_change.html",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.model._meta,
                "licences": queryset.select_related("agency"),
                "form": form,
                "action": name,
                "needs_expiry": name == "renew",
                "hides_vacancies": name in ("suspend", "revoke", "record_surrender"),
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    def _apply(self, request, queryset, name, service, data):
        extra = {"expires_on": data["expires_on"]} if name == "renew" else {}
        if data.get("effective_on"):
            extra["on"] = data["effective_on"]
        for licence in queryset:
            try:
                service(
                    licence,
                    actor=request.user,
                    reason=data["reason"],
                    legal_basis=data["legal_basis"],
                    **extra,
                )
            except ValidationError as error:
                self.message_user(
                    request,
                    f"{licence.number}: {' '.join(error.messages)}",
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request,
                    _("%(number)s: done.") % {"number": licence.number},
                    messages.SUCCESS,
                )


class DepositMovementForm(forms.ModelForm):
    class Meta:
        model = DepositMovement
        fields = ["kind", "amount", "date", "complaint_case", "note"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and not self.errors and self.has_changed():
            if self.instance.deposit_id is not None:
                services.check_movement(
                    self.instance.deposit,
                    cleaned["kind"],
                    cleaned["amount"],
                    cleaned.get("complaint_case"),
                )
            elif cleaned["kind"] not in DepositMovement.INFLOWS:
                raise ValidationError({"kind": _("A new deposit starts with money lodged.")})
        return cleaned


class DepositMovementInline(admin.TabularInline):
    """Existing movements are the record; new ones go through the services."""

    model = DepositMovement
    form = DepositMovementForm
    fields = ["kind", "amount", "date", "complaint_case", "note", "officer"]
    readonly_fields = ["officer"]
    extra = 1
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Deposit)
class DepositAdmin(admin.ModelAdmin):
    list_display = ["agency", "authority", "form", "bank", "reference", "currency", "valid_until"]
    list_filter = ["authority", "form"]
    list_select_related = ["agency", "authority"]
    search_fields = ["reference", "bank", "agency__legal_name"]
    autocomplete_fields = ["agency"]
    readonly_fields = ["balance"]
    inlines = [DepositMovementInline]

    @admin.display(description=_("balance"))
    def balance(self, obj):
        if not obj.pk:
            return "-"
        return f"{floatformat(selectors.deposit_balance(obj), '2g')} {obj.currency}"

    def save_formset(self, request, form, formset, change):
        if formset.model is not DepositMovement:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for inline_form in formset.forms:
            if inline_form.instance.pk is None and inline_form.has_changed():
                data = inline_form.cleaned_data
                movement = services.record_deposit_movement(
                    form.instance,
                    data["kind"],
                    data["amount"],
                    actor=request.user,
                    on=data["date"],
                    complaint_case=data.get("complaint_case", ""),
                    note=data.get("note", ""),
                )
                formset.new_objects.append(movement)
        return None


@admin.register(LicenceEvent)
class LicenceEventAdmin(admin.ModelAdmin):
    """The audit trail: read only for everyone."""

    list_display = [
        "date",
        "licence",
        "from_status",
        "to_status",
        "reason",
        "legal_basis",
        "officer",
    ]
    list_filter = ["to_status", "licence__authority"]
    list_select_related = ["licence", "officer"]
    search_fields = ["licence__number", "reason", "legal_basis"]
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RecruiterReport)
class RecruiterReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recruiter_name", "channel", "status", "agency"]
    list_filter = ["status", "channel_kind", "created_at"]
    list_select_related = ["agency"]
    search_fields = ["recruiter_name", "channel", "channel_normalised", "what_happened"]
    fields = [
        "created_at",
        "recruiter_name",
        "channel",
        "channel_kind",
        "channel_normalised",
        "what_happened",
        "contact",
        "language",
        "status",
        "agency",
        "staff_notes",
    ]
    readonly_fields = [
        "created_at",
        "recruiter_name",
        "channel",
        "channel_kind",
        "channel_normalised",
        "what_happened",
        "contact",
        "language",
    ]
    autocomplete_fields = ["agency"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
