"""State changes of vacancies and exchange rates, and the rules they obey: the admin,
the API and partner feeds call these. What they read is in `vacancies.selectors`."""

from decimal import Decimal
from functools import cached_property
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, Value
from django.db.models.base import ModelState
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from agencies.models import Agency, LicensingAuthority
from agencies.selectors import destinations_in_force
from pagecache.prepared import read_values
from vacancies.copying import BackgroundCopies
from vacancies.models import Country, ExchangeRate, Occupation, Vacancy, VacancyCost
from vacancies.search import vacancy_search_key
from vacancies.selectors import entitled_recruiters, fee_caps


def check_agency_fee(agency, amount, currency, rates=None, caps=None):
    """Refuse an agency service fee above the cap of the authority that licenses the
    agency (the authority of its country of registration; none when it sets no cap).
    Raises ValidationError naming the amount; a fee in another currency is compared
    through the exchange rates. ``rates`` and ``caps`` (`fee_caps`) spare the
    queries when many fees are checked."""
    authority = (caps if caps is not None else fee_caps()).get(agency.country.code)
    if authority is None or authority.max_service_fee is None:
        return  # the law sets no cap
    cap, cap_currency = authority.max_service_fee, authority.max_service_fee_currency
    if currency == cap_currency:
        over = Decimal(amount) > cap
    else:
        rates = rates if rates is not None else ExchangeRate.objects.latest_rates()
        fee_usd, cap_usd = rates.get(currency), rates.get(cap_currency)
        if not fee_usd or not cap_usd:
            raise ValidationError(
                {
                    "currency": _(
                        "State the agency fee in %(currency)s: there is no exchange rate "
                        "to compare it with the legal maximum."
                    )
                    % {"currency": cap_currency}
                }
            )
        over = Decimal(amount) / fee_usd > cap / cap_usd
    if over:
        raise ValidationError(
            {
                "amount": _(
                    "This agency fee is above the legal maximum of %(cap)s %(currency)s "
                    "set by %(authority)s."
                )
                % {
                    "cap": floatformat(cap, "0g"),
                    "currency": cap_currency,
                    "authority": authority.name,
                }
            }
        )


def check_wage_currency(currency, *, stored=None, rates=None):
    """Refuse (ValidationError naming ``wage_currency``) a wage in a currency without
    an exchange rate in force today: its USD wage would be unknown, so the vacancy
    would be published without the figure every reader compares wages by, and a
    made-up code ("ZZZ") would be shown as money. USD needs no rate. A vacancy
    keeping the currency it has (``stored``) is not refused, so one whose currency
    has since lost its rate can still be edited or closed. The admin's vacancy form
    and every partner vacancy (`PartnerRules.apply`: the API and feeds) go through
    it; ``rates`` (`ExchangeRateQuerySet.latest_rates`) spare the query when many
    vacancies are checked."""
    if not currency or currency == stored:
        return
    rates = rates if rates is not None else ExchangeRate.objects.latest_rates()
    if currency not in rates:
        raise ValidationError(
            {
                "wage_currency": _(
                    "There is no exchange rate for %(currency)s, so its wage cannot be "
                    "shown in US dollars: state the wage in one of %(currencies)s."
                )
                % {"currency": currency, "currencies": ", ".join(sorted(rates))}
            }
        )


def check_cost(vacancy, kind, amount, currency, rates=None, caps=None):
    """Refuse (ValidationError naming the field) a cost the law forbids a vacancy's
    worker to pay: an agency fee above the cap (`check_agency_fee`). The admin's
    cost inline and partner records (`PartnerRules.check_costs`) go through it."""
    if kind == VacancyCost.Kind.AGENCY_FEE and vacancy.agency_id:
        check_agency_fee(vacancy.agency, amount, currency, rates, caps)


# --- exchange rates ----------------------------------------------------------------------
#
# The rule: saving or deleting a rate recomputes the stored USD wages of the
# currencies it touches. Nothing else saves or deletes a rate.


@transaction.atomic
def save_exchange_rates(rates):
    """Save exchange rates, new or corrected, then recompute the USD wages of every
    currency they touch (also the former currency of a corrected rate), once per
    currency. The admin and the partner feeds' ``rates`` kind (fetched, or pushed
    through the API) call it. ``rates`` may be a generator: each rate is saved
    before the next is taken, so a later record finds an earlier one of its day."""
    touched = set()
    for rate in rates:
        if rate.pk is not None:
            touched.update(
                ExchangeRate.objects.filter(pk=rate.pk).values_list("currency", flat=True)
            )
        touched.add(rate.currency)
        rate.save()
    _refresh_wages(touched)


@transaction.atomic
def delete_exchange_rates(rates):
    """Delete exchange rates (a queryset or a list; the admin's delete page and bulk
    action), then recompute the USD wages of their currencies: a wage falls back
    to the currency's newest remaining rate not after today, and without one is
    unknown (None), as for a currency that never had a rate."""
    rates = list(rates)
    ExchangeRate.objects.filter(pk__in=[rate.pk for rate in rates]).delete()
    _refresh_wages({rate.currency for rate in rates})


def _refresh_wages(currencies):
    for currency in sorted(currencies):
        refresh_wages_in_usd(currency)


@transaction.atomic
def refresh_wages_in_usd(currency=None):
    """Recompute the stored USD monthly wage (`Vacancy.monthly_wage_in_usd`) with
    today's rates, for one currency or all; returns how many vacancies changed."""
    rates = ExchangeRate.objects.latest_rates()
    vacancies = Vacancy.objects.select_for_update().only(
        "pk", "wage_min", "wage_currency", "wage_period", "hours_per_week", "monthly_wage_usd"
    )
    if currency:
        vacancies = vacancies.filter(wage_currency=currency)
    changed = []
    for vacancy in vacancies:
        usd = vacancy.monthly_wage_in_usd(rates)
        if usd != vacancy.monthly_wage_usd:
            vacancy.monthly_wage_usd = usd
            changed.append(vacancy)
    Vacancy.objects.bulk_update(changed, ["monthly_wage_usd"], batch_size=1000)
    return len(changed)


@transaction.atomic
def close_vacancies(queryset):
    """Close vacancies (admin bulk action, partner updates); returns how many closed.
    A partner feed's next record for a closed vacancy is compared in full, so a
    record that publishes it is applied even if it did not change."""
    return queryset.exclude(status=Vacancy.Status.CLOSED).update(
        status=Vacancy.Status.CLOSED, feed_record_checksum=""
    )


class PartnerRules:
    """The rules a partner's vacancy obeys, with what they need loaded once per
    partner (entitlements, licensed destinations, exchange rates, fee caps) rather
    than once per vacancy: the API's single vacancy and a feed's hundred thousand
    are checked by this same code."""

    def __init__(self, partner):
        self.partner = partner
        self.entitled = entitled_recruiters(partner)
        self.agency_ids = {agency for _channel, agency, _authority in self.entitled if agency}
        self.authority_ids = {
            authority for _channel, _agency, authority in self.entitled if authority
        }

    @cached_property
    def in_force(self):
        return destinations_in_force(self.agency_ids)

    @cached_property
    def rates(self):
        return ExchangeRate.objects.latest_rates()

    @cached_property
    def caps(self):
        return fee_caps()

    def apply(self, vacancy, data, now=None):
        """Set a record's validated data (without its costs) on the vacancy, and the
        publication date (``now`` by default) if it has none; raise
        ValidationError naming the field for a channel or recruiter the partner is
        not entitled to, a new wage currency that has no exchange rate
        (`check_wage_currency`),
        or an agency not licensed for the destination today."""
        stored = vacancy.wage_currency if vacancy.pk else None
        for name, value in data.items():
            setattr(vacancy, name, value)
        self._check_entitlement(vacancy)
        check_wage_currency(vacancy.wage_currency, stored=stored, rates=self.rates)
        if vacancy.status == Vacancy.Status.PUBLISHED:
            if vacancy.published_at is None:
                vacancy.published_at = now or timezone.now()
            if vacancy.channel == Vacancy.Channel.AGENCY and not self.in_force.licensed(
                vacancy.agency_id, vacancy.country_id
            ):
                raise ValidationError(
                    {"country": _("This agency is not licensed for this destination today.")}
                )

    def _check_entitlement(self, vacancy):
        entitled = self.entitled
        if not any(channel == vacancy.channel for channel, _agency, _authority in entitled):
            raise ValidationError(
                {"channel": _("Your organisation may not publish vacancies through this channel.")}
            )
        if vacancy.channel == Vacancy.Channel.AGENCY:
            vacancy.authority = None
            if (vacancy.channel, vacancy.agency_id, None) not in entitled:
                raise ValidationError(
                    {"agency": _("Your organisation may not publish for this agency.")}
                )
        elif vacancy.channel == Vacancy.Channel.AUTHORITY:
            vacancy.agency = None
            if (vacancy.channel, None, vacancy.authority_id) not in entitled:
                raise ValidationError(
                    {"authority": _("Your organisation may not publish for this authority.")}
                )
        else:
            vacancy.agency = vacancy.authority = None

    def check_costs(self, vacancy, costs):
        """Refuse an agency fee above the legal cap, naming the cost by its place in
        the record (``costs.<index>.amount``)."""
        for index, cost in enumerate(costs):
            try:
                check_cost(vacancy, **cost, rates=self.rates, caps=self.caps)
            except ValidationError as error:
                raise ValidationError(
                    {f"costs.{index}.{field}": m for field, m in error.message_dict.items()}
                ) from None


@transaction.atomic
def save_partner_vacancy(
    partner, data, instance=None, source=Vacancy.Source.API, *, rules=None, checksum=""
):
    """Create or update a partner's vacancy from validated API data.

    Idempotent: a POST with an external id the partner already used updates that
    vacancy. Refusals raise ValidationError naming the field: a channel or recruiter
    the partner is not entitled to, an agency not licensed for the destination
    today, an agency fee above the cap, anything `Model.full_clean` refuses.
    ``rules`` are the partner's already loaded `PartnerRules`; ``checksum`` that of
    the feed record the data comes from (none from the API, which makes the feed
    compare its next record in full). Returns (vacancy, created).
    """
    rules = rules or PartnerRules(partner)
    data = dict(data)
    costs = data.pop("costs", None)
    if instance is None:
        instance = (
            Vacancy.objects.select_for_update()
            .filter(partner=partner, external_id=data["external_id"])
            .first()
        )
    created = instance is None
    vacancy = instance or Vacancy(partner=partner, source=source)
    rules.apply(vacancy, data)
    vacancy.feed_record_checksum = checksum
    vacancy.full_clean()
    if costs is not None:
        rules.check_costs(vacancy, costs)
    vacancy.save()
    if costs is not None:
        vacancy.costs.all().delete()
        VacancyCost.objects.bulk_create(VacancyCost(vacancy=vacancy, **cost) for cost in costs)
    return vacancy, created


CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# The first key of the advisory locks that stand for a partner's vacancies
# (`PartnerVacancies._lock`; the second is the partner's id): a number of its own,
# so that no other lock the portal may take shares it.
PARTNER_LOCK_SPACE = 0x7661_6361  # "vaca"

# (name, attname) of the columns a batch may change.
_COLUMNS = [(field.name, field.attname) for field in Vacancy._meta.concrete_fields]
# Checked by the database while a batch is written (and in full by
# `save_partner_vacancy` if it refuses the batch): each would cost a query per vacancy.
_RELATED = [field.name for field in Vacancy._meta.concrete_fields if field.is_relation]
# modeltranslation's untranslated fields (title, ...): each shows the value of one
# of its per-language fields (the active language's or a fallback's), and those
# are checked themselves.
_UNTRANSLATED = list(translator.get_options_for_model(Vacancy).fields)


class PartnerVacancies:
    """Many vacancies of one partner saved at once (a feed document), by the rules
    of `save_partner_vacancy`: what the rules need is loaded once (`PartnerRules`),
    each vacancy is checked in Python without a query, and the checked ones are
    written a batch at a time. What only the database checks cheaply (foreign
    keys, constraints, uniqueness) it checks as a batch is written; a batch it
    refuses is saved again one vacancy at a time through `save_partner_vacancy`,
    whose full validation names the refused vacancy and why, while the others
    apply."""

    batch_size = 1000

    def __init__(self, partner, source=Vacancy.Source.FEED, feed_id=None):
        self.partner = partner
        self.source = source
        # The feed delivering the records: each vacancy saved is marked as its own
        # (`Vacancy.source_feed_id`), taking over one another feed delivered last.
        self.feed_id = feed_id
        self.rules = PartnerRules(partner)
        # What each new vacancy starts from (`_new_vacancy`).
        self._blank = Vacancy(partner=partner, source=source, source_feed_id=feed_id)
        self._checked_defaults = _checked_defaults(self._blank)

    def stored(self, marked=None):
        """({external id: checksum of the feed record it was last saved from, or ""},
        {external ids of those meeting the condition ``marked``}) of the partner's
        vacancies, in one read of them: a hundred thousand rows of a wide table
        took a tenth of a second each time. Read by their SQL (`read_values`):
        modeltranslation's values iterable made each row a dict first (0.15 s).
        The checksum is "" for a vacancy another feed delivered last, so that its
        record is compared in full and the vacancy changes feed. The ids read are
        also those `_stored_ids` starts from. They are read holding the partner's
        lock (`_lock`), so that no other document of the partner changes them
        before this one is saved."""
        self._lock()
        marked = ExpressionWrapper(marked, output_field=BooleanField()) if marked else Value(False)
        checksums, meeting = {}, set()
        for external_id, checksum, feed_id, meets in read_values(
            Vacancy.objects.filter(partner=self.partner).order_by().annotate(meets=marked),
            "external_id",
            "feed_record_checksum",
            "source_feed_id",
            "meets",
        ):
            checksums[external_id] = checksum if feed_id == self.feed_id else ""
            if meets:
                meeting.add(external_id)
        self._stored_ids = set(checksums)
        return checksums, meeting

    def _lock(self):
        """Hold the partner's vacancies for the rest of the transaction, on
        PostgreSQL: two documents of one partner (two feeds naming the same
        vacancies) saved at once each locked their batches' rows in their own
        order, and the database stopped one of them as a deadlock, the whole run
        lost. The second now waits for the first to commit, then reads what it
        left. SQLite lets one writer in at a time anyway."""
        if connection.vendor != "postgresql":
            return
        if not connection.in_atomic_block:
            raise transaction.TransactionManagementError(
                "A partner's vacancies are saved in bulk inside a transaction."
            )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", [PARTNER_LOCK_SPACE, self.partner.pk]
            )

    @cached_property
    def _stored_ids(self):
        """The external ids of the partner's vacancies and of those batches named
        since. A batch asks the database only for the stored vacancies it names:
        asked for a thousand external ids, it reads every vacancy of the partner,
        which a first sync would have it do for each batch to find nothing. A
        vacancy another request creates meanwhile makes the unique constraint
        refuse the batch, and is updated when the batch is saved one record at a
        time."""
        return set(self.stored()[0])

    def related_objects(self):
        """What records name, by field and key as text, for `VacancySerializer`'s
        ``preloaded`` context: destinations, occupations and the recruiters the
        partner may publish for."""
        return {
            "country": {country.code: country for country in Country.objects.all()},
            "occupation": {occupation.code: occupation for occupation in Occupation.objects.all()},
            "agency": {
                str(agency.pk): agency
                for agency in Agency.objects.filter(pk__in=self.rules.agency_ids)
            },
            "authority": {
                str(authority.pk): authority
                for authority in LicensingAuthority.objects.filter(pk__in=self.rules.authority_ids)
            },
        }

    def save(self, records):
        """Save (data validated by `VacancySerializer`, feed record checksum) pairs;
        returns for each record, in order, CREATED, UPDATED, UNCHANGED (it states
        nothing new) or the ValidationError refusing it.

        ``records`` may be a generator still validating them (a feed's): it is
        read a batch at a time, and while a batch's new vacancies are written
        (`BackgroundCopies`), the next batch is read and checked."""
        if self.feed_id is not None:
            records = (
                ({**data, "source_feed_id": self.feed_id}, checksum) for data, checksum in records
            )
        records = iter(records)
        outcomes = []
        # Savepoints need an atomic block; within the caller's, this one adds none.
        with transaction.atomic(savepoint=False), BackgroundCopies(Vacancy) as copies:
            while batch := list(islice(records, self.batch_size)):
                outcomes.append(self._save_batch(batch, copies))
        return [outcome for batch in outcomes for outcome in batch]

    def _save_batch(self, records, copies):
        """Check a batch and write it; returns its outcomes, a list that is still
        changed in place if the database refuses the batch once its new vacancies
        are written (`_write`)."""
        named = [data["external_id"] for data, _ in records]
        stored = self._stored(named)
        now = timezone.now()
        outcomes, batch, marked = [], _Batch(), []
        for data, checksum in records:
            current = stored.get(data["external_id"])
            if current is not None and _same(current, data):
                if current.feed_record_checksum != checksum:
                    current.feed_record_checksum = checksum
                    marked.append(current)
                outcomes.append(UNCHANGED)
                continue
            vacancy = current or self._new_vacancy()
            before = current and [getattr(current, attname) for _name, attname in _COLUMNS]
            data = dict(data)
            costs = data.pop("costs", None)
            try:
                self.rules.apply(vacancy, data, now=now)
                vacancy.feed_record_checksum = checksum
                vacancy.full_clean(
                    exclude=self._checked_already(vacancy, data),
                    validate_unique=False,
                    validate_constraints=False,
                )
                if costs is not None:
                    self.rules.check_costs(vacancy, costs)
            except ValidationError as error:
                outcomes.append(error)
                continue
            vacancy.set_derived_fields(self.rules.rates)
            if current is None:
                batch.new.append(vacancy)
                outcomes.append(CREATED)
            else:
                vacancy.updated_at = now
                batch.changed.append(vacancy)
                batch.fields.update(
                    name
                    for (name, attname), value in zip(_COLUMNS, before, strict=True)
                    if getattr(vacancy, attname) != value
                )
                outcomes.append(UPDATED)
            if costs is not None:
                batch.costs.append((vacancy, costs, current is not None))
        Vacancy.objects.bulk_update(marked, ["feed_record_checksum"])
        self._stored_ids.update(named)
        self._write(batch, records, outcomes, copies)
        return outcomes

    def _write(self, batch, records, outcomes, copies):
        """Write a checked batch under a savepoint: its changed vacancies at once,
        its new ones by a COPY that goes on while the next batch is checked. If
        the database refuses any of it, the batch is rolled back and saved again
        one record at a time (`_save_one`), which names the refused records and
        why while the others apply, and ``outcomes`` are changed to say so."""
        savepoint = transaction.savepoint()

        def again():
            # Back to the savepoint, before the refusal: the transaction is sound
            # again, though the ORM's bulk writes marked it for rollback.
            transaction.set_rollback(False)
            transaction.savepoint_rollback(savepoint)
            transaction.savepoint_commit(savepoint)
            outcomes[:] = [
                self._save_one(data, checksum) if outcome in (CREATED, UPDATED) else outcome
                for (data, checksum), outcome in zip(records, outcomes, strict=True)
            ]

        def written(refused):
            try:
                if refused is not None:
                    raise refused
                batch.write_new_costs()
            except IntegrityError:
                again()
            else:
                transaction.savepoint_commit(savepoint)

        try:
            batch.write_changed()
        except IntegrityError:
            again()
        else:
            copies.start(batch.new, written)

    def _new_vacancy(self):
        """A new vacancy holding the blank one's values, as `copy.copy` makes it
        (a fresh state, the blank's values and cached partner) without going
        through pickling's protocol: constructing each vacancy would work out
        each translated field's default in its own language. Either costs more
        than checking the vacancy."""
        vacancy = Vacancy.__new__(Vacancy)
        vacancy.__dict__.update(self._blank.__dict__)
        vacancy._state = ModelState()
        vacancy._state.db = self._blank._state.db
        vacancy._state.fields_cache = dict(self._blank._state.fields_cache)
        return vacancy

    def _stored(self, external_ids):
        """{external id: the partner's stored vacancy, locked} of those named."""
        known = [external_id for external_id in external_ids if external_id in self._stored_ids]
        if not known:
            return {}
        return {
            vacancy.external_id: vacancy
            for vacancy in Vacancy.objects.select_for_update(of=("self",))
            .filter(partner=self.partner, external_id__in=known)
            .select_related("agency", "occupation")
            .prefetch_related("costs")
        }

    def _checked_already(self, vacancy, data):
        """The fields `full_clean` need not check again in a batch: the record's own
        fields, which the serializer validated (it is built from the model's fields
        and their validators, and the fields it declares itself are as strict or
        stricter, which `tests.vacancies.test_api` holds it to); the untranslated
        fields, whose values are per-language values checked as those; the
        relations, which the database checks as the batch is written; and the
        unchanged defaults. Left to check is what the rules set, such as the
        publication date. `save_partner_vacancy`, which saves one record at a
        time a batch the database refuses, checks everything."""
        return {*_RELATED, *_UNTRANSLATED, *data, *self._unchanged_defaults(vacancy)}

    def _unchanged_defaults(self, vacancy):
        """The fields of a vacancy still holding the very value the blank vacancy
        holds, a value that passed `Field.clean` or that `full_clean` skips as
        empty: checking it again would only repeat the same check on the same
        value, or skip it again."""
        return [
            name
            for name, attname, value in self._checked_defaults
            if getattr(vacancy, attname) is value
        ]

    def _save_one(self, data, checksum):
        try:
            _vacancy, created = save_partner_vacancy(
                self.partner, data, source=self.source, rules=self.rules, checksum=checksum
            )
        except ValidationError as error:
            return error
        return CREATED if created else UPDATED


def _checked_defaults(blank):
    """(name, attname, value) of the blank vacancy's fields whose value `Field.clean`
    accepts, or which `Model.clean_fields` skips as empty (a field that may be
    blank, left blank): most fields a partner's record leaves out. Excluding
    them skips no check, and spares `full_clean` reading each of them again."""
    checked = []
    for field in Vacancy._meta.concrete_fields:
        if field.is_relation or field.name in _UNTRANSLATED:
            continue  # excluded anyway (`_checked_already`)
        value = getattr(blank, field.attname)
        if not (field.blank and value in field.empty_values):
            try:
                field.clean(value, blank)
            except ValidationError:
                continue
        checked.append((field.name, field.attname, value))
    return checked


class _Batch:
    """Checked vacancies waiting to be written together."""

    def __init__(self):
        self.new, self.changed, self.fields = [], [], set()
        self.costs = []  # (vacancy, its costs, whether the vacancy is stored already)

    def write_changed(self):
        """The changed vacancies and their costs: what comes before the new ones."""
        if self.changed:
            # Each changed column becomes a CASE with a branch per vacancy, which
            # the database walks for every row: a fifth of a batch at a time
            # costs half as much as all of it.
            Vacancy.objects.bulk_update(self.changed, sorted(self.fields), batch_size=200)
        stored = [vacancy for vacancy, _costs, stored in self.costs if stored]
        if stored:
            VacancyCost.objects.filter(vacancy__in=stored).delete()
        self._create_costs(stored=True)

    def write_new_costs(self):
        """The costs of the new vacancies, once these are written."""
        self._create_costs(stored=False)

    def _create_costs(self, stored):
        VacancyCost.objects.bulk_create(
            VacancyCost(vacancy=vacancy, **cost)
            for vacancy, costs, was_stored in self.costs
            if was_stored == stored
            for cost in costs
        )


def _same(vacancy, data):
    """Does a stored vacancy already say everything the validated record says?"""
    for name, value in data.items():
        if name == "costs":
            stored = sorted((c.kind, c.amount, c.currency) for c in vacancy.costs.all())
            given = sorted((c["kind"], c["amount"], c["currency"]) for c in value)
            if stored != given:
                return False
        elif hasattr(value, "pk"):
            if getattr(vacancy, f"{name}_id") != value.pk:
                return False
        elif getattr(vacancy, name) != value:
            return False
    return True


def rebuild_search_keys(batch_size=1000):
    """Bring every vacancy's stored search key up to `spelling`'s current rules (the
    ``rebuild_search_keys`` command and task); returns how many keys changed.

    Vacancies are read in batches of primary keys, each batch locked while its keys
    are written, so a title edited meanwhile never gets the key of its old text; only
    stale keys are written, which also leaves ``updated_at`` alone."""
    changed, last_pk = 0, 0
    vacancies = Vacancy.objects.select_related("occupation").order_by("pk")
    while True:
        with transaction.atomic():
            batch = list(
                vacancies.select_for_update(of=("self",)).filter(pk__gt=last_pk)[:batch_size]
            )
            stale = []
            for vacancy in batch:
                key = vacancy_search_key(vacancy)
                if key != vacancy.search_key:
                    vacancy.search_key = key
                    stale.append(vacancy)
            Vacancy.objects.bulk_update(stale, ["search_key"])
        if not batch:
            return changed
        changed += len(stale)
        last_pk = batch[-1].pk
