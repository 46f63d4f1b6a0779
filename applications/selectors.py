"""What applicants, recruiters, partners and licensing officers read of
applications, and the one rule of who may see which: an applicant their own, a
recruiter or partner those to their own organisation's vacancies
(`for_organisation`). Nothing here writes; changes are in `applications.services`.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency, LicensingAuthority
from agencies.selectors import destinations_in_force
from applications.choices import (
    REGION_LABELS,
    Certificate,
    Citizenship,
    Education,
    Language,
    LanguageLevel,
)
from applications.models import Application, Profile, Recruiter, StatusChange
from vacancies.models import Country, Occupation, Vacancy
from vacancies.selectors import entitled_recruiters, fee_caps

CEFR_ORDER = [level.value for level in LanguageLevel]


# --- applicants ------------------------------------------------------------------------


def profile_of(user):
    """The user's profile with its occupations and languages, or None."""
    if not user.is_authenticated:
        return None
    return (
        Profile.objects.filter(user=user)
        .prefetch_related("occupations__occupation", "languages")
        .first()
    )


def _translated(*names):
    languages = settings.MODELTRANSLATION_LANGUAGES
    return [f"{name}_{lang}" for name in names for lang in languages] + list(names)


def vacancy_cards():
    """Vacancies with only what a list of applications shows of them (title,
    country, recruiter), their countries without guides: a vacancy's description
    and a country's guide are kilobytes in five languages each."""
    return Vacancy.objects.only(
        "channel",
        "employer_name",
        "country_id",
        "agency_id",
        "authority_id",
        *_translated("title"),
    ).prefetch_related(
        Prefetch("country", queryset=Country.objects.names()),
        Prefetch("agency", queryset=Agency.objects.only("legal_name")),
        Prefetch("authority", queryset=LicensingAuthority.objects.only(*_translated("name"))),
    )


def my_applications(user):
    """The applicant's own applications, newest first, with their vacancy and
    history, without the profile as sent: a handful of queries however many."""
    return (
        Application.objects.filter(applicant=user)
        .defer("snapshot")
        .prefetch_related(
            Prefetch("vacancy", queryset=vacancy_cards()),
            Prefetch("history", queryset=StatusChange.objects.order_by("at", "pk")),
        )
    )


def has_applied(user, vacancy):
    return Application.objects.filter(applicant=user, vacancy=vacancy).exists()


# --- who may see which -----------------------------------------------------------------


def recruiter_of(user):
    """The user's recruiter membership (with its organisation), or None."""
    if not user.is_authenticated:
        return None
    return Recruiter.objects.select_related("agency", "authority").filter(user=user).first()


def organisation_vacancies(*, agencies=(), authorities=(), employer_partner=None):
    """THE rule of whose vacancies are whose: an agency's own (agency channel), an
    authority's organised recruitment, a partner employer's own. Recruiters, partner
    keys and exports all go through it."""
    condition = Q(pk__in=[])
    if agencies:
        condition |= Q(channel=Vacancy.Channel.AGENCY, agency__in=list(agencies))
    if authorities:
        condition |= Q(channel=Vacancy.Channel.AUTHORITY, authority__in=list(authorities))
    if employer_partner is not None:
        condition |= Q(channel=Vacancy.Channel.EMPLOYER, partner=employer_partner)
    return Vacancy.objects.filter(condition)


def for_recruiter(recruiter):
    """Applications to the recruiter's own organisation's vacancies; none for None."""
    if recruiter is None:
        return Application.objects.none()
    vacancies = organisation_vacancies(
        agencies=[recruiter.agency_id] if recruiter.agency_id else (),
        authorities=[recruiter.authority_id] if recruiter.authority_id else (),
    )
    return Application.objects.filter(vacancy__in=vacancies.values("pk"), applicant__isnull=False)


def for_partner(partner):
    """Applications to the vacancies a partner publishes for (its `Publisher` rows,
    the same entitlement as `vacancies:write`)."""
    entitled = entitled_recruiters(partner)
    vacancies = organisation_vacancies(
        agencies=[agency for _channel, agency, _authority in entitled if agency],
        authorities=[authority for _channel, _agency, authority in entitled if authority],
        employer_partner=partner if any(c == "employer" for c, _a, _b in entitled) else None,
    )
    return Application.objects.filter(vacancy__in=vacancies.values("pk"), applicant__isnull=False)


def recruiter_list(recruiter, *, vacancy=None, status=None):
    """The cabinet's list: the recruiter's applications with the applicant's name
    (read out of the snapshot by the database) and their vacancy's title and
    destination (and what `licence_blocked` reads), filtered."""
    vacancies = Vacancy.objects.only("channel", "country_id", "agency_id", *_translated("title"))
    applications = (
        for_recruiter(recruiter)
        .defer("snapshot")
        .annotate(
            surname=KT("snapshot__surname_latin"), given_names=KT("snapshot__given_names_latin")
        )
        .prefetch_related(Prefetch("vacancy", queryset=vacancies))
    )
    if vacancy:
        applications = applications.filter(vacancy_id=vacancy)
    if status:
        applications = applications.filter(status=status)
    return applications.order_by("-submitted_at", "-pk")


def recruiter_vacancies(recruiter):
    """The recruiter's vacancies that have applications, for the list's filter:
    each asked through the (vacancy, status, date) index, not by reading every
    application."""
    vacancies = organisation_vacancies(
        agencies=[recruiter.agency_id] if recruiter.agency_id else (),
        authorities=[recruiter.authority_id] if recruiter.authority_id else (),
    )
    return (
        vacancies.filter(Exists(Application.objects.filter(vacancy=OuterRef("pk"))))
        .only(*_translated("title"))
        .order_by("-pk")
    )


def application_detail(applications, pk):
    """One application of a permitted queryset, with its history."""
    return (
        applications.select_related("vacancy__country", "vacancy__agency", "vacancy__authority")
        .prefetch_related("history__actor")
        .filter(pk=pk)
        .first()
    )


# --- licence state -----------------------------------------------------------------------


def licence_blocked(vacancies):
    """{vacancy id: True} for vacancies of an agency not licensed today for the
    vacancy's destination (suspended, revoked, expired or withdrawn:
    `destinations_in_force`, the registry's one rule): that agency may change
    nothing, and its applicants are warned."""
    agency_vacancies = [v for v in vacancies if v.channel == Vacancy.Channel.AGENCY]
    if not agency_vacancies:
        return {}
    in_force = destinations_in_force({v.agency_id for v in agency_vacancies})
    return {
        v.pk: True for v in agency_vacancies if not in_force.licensed(v.agency_id, v.country_id)
    }


# --- before applying --------------------------------------------------------------------


@dataclass
class FeeCap:
    amount: object
    currency: str
    authority: object


def fee_cap(vacancy):
    """The most an agency may charge the worker for this vacancy: the cap of the
    authority that licenses the agency, as `vacancies.services.check_agency_fee`
    applies it (`vacancies.selectors.fee_caps`); None when no cap applies."""
    if vacancy.channel != Vacancy.Channel.AGENCY or vacancy.agency is None:
        return None
    authority = fee_caps().get(vacancy.agency.country.code)
    if authority is None or authority.max_service_fee is None:
        return None
    return FeeCap(authority.max_service_fee, authority.max_service_fee_currency, authority)


def age_on(date_of_birth, day):
    return (
        day.year
        - date_of_birth.year
        - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
    )


_CEFR = re.compile(r"\b([ABC][12])\b", re.IGNORECASE)


def unmet_requirements(profile, vacancy, today=None):
    """The vacancy's stated requirements the profile does not show: age range,
    language (and a CEFR level or a named test when the vacancy states one) and
    years of experience (in the vacancy's occupation group when it names one).
    A list of sentences; empty when everything stated is met."""
    today = today or timezone.localdate()
    unmet = []
    age = age_on(profile.date_of_birth, today)
    if (vacancy.age_min and age < vacancy.age_min) or (vacancy.age_max and age > vacancy.age_max):
        unmet.append(
            _("Age: the vacancy asks for %(min)s–%(max)s years; you are %(age)s.")
            % {"min": vacancy.age_min or "", "max": vacancy.age_max or "", "age": age}
        )
    unmet += _language_unmet(profile, vacancy)
    if vacancy.experience_years:
        years = _experience(profile, vacancy.occupation_id)
        if years < vacancy.experience_years:
            unmet.append(
                _("Experience: the vacancy asks for %(need)s years; your profile shows %(have)s.")
                % {"need": vacancy.experience_years, "have": years}
            )
    return unmet


def _language_unmet(profile, vacancy):
    if vacancy.language in (Vacancy.Language.NONE, Vacancy.Language.OTHER):
        return []
    name = vacancy.get_language_display()
    known = {row.language: row for row in profile.languages.all()}
    row = known.get(vacancy.language)
    if row is None:
        return [
            _("Language: the vacancy asks for %(language)s; your profile has none.")
            % {"language": name}
        ]
    wanted = (vacancy.language_level or "").strip()
    match = _CEFR.search(wanted)
    if match and CEFR_ORDER.index(row.level) < CEFR_ORDER.index(match.group(1).upper()):
        return [
            _(
                "Language: the vacancy asks for %(language)s at level %(need)s; "
                "your level is %(have)s."
            )
            % {"language": name, "need": match.group(1).upper(), "have": row.level}
        ]
    for certificate in Certificate:
        if certificate.value and certificate.label.lower() in wanted.lower():
            if row.certificate != certificate.value:
                return [
                    _(
                        "Language: the vacancy asks for %(test)s; "
                        "your profile shows no %(test)s result."
                    )
                    % {"test": certificate.label}
                ]
            break
    return []


def _experience(profile, occupation_code):
    rows = list(profile.occupations.all())
    if occupation_code:
        rows = [
            row
            for row in rows
            if row.occupation_id.startswith(occupation_code)
            or occupation_code.startswith(row.occupation_id)
        ]
    return max((row.years for row in rows), default=0)


# --- the profile as sent ----------------------------------------------------------------


def snapshot_lines(snapshot):
    """A snapshot (`services.build_snapshot`) as (label, text) rows in the reader's
    language, for the cabinet, the API's readers and the applicant's own copy."""
    if not snapshot:
        return []
    titles = dict(
        Occupation.objects.filter(
            code__in=[row["occupation"] for row in snapshot.get("occupations", [])]
        ).values_list("code", "title")
    )
    languages = dict(Language.choices)
    certificates = dict(Certificate.choices)
    lines = [
        (_("Name (Latin)"), f"{snapshot['surname_latin']} {snapshot['given_names_latin']}"),
        (_("Name (Cyrillic)"), snapshot.get("name_cyrillic", "")),
        (_("Date of birth"), snapshot["date_of_birth"]),
        (_("Citizenship"), str(dict(Citizenship.choices).get(snapshot["citizenship"], ""))),
        (
            _("Residence"),
            ", ".join(
                filter(
                    None,
                    [str(REGION_LABELS.get(snapshot.get("region"), "")), snapshot.get("district")],
                )
            ),
        ),
        (_("Education"), str(dict(Education.choices).get(snapshot.get("education"), ""))),
        (
            _("Occupations"),
            "; ".join(
                _("%(title)s (ISCO-08 %(code)s): %(years)s years")
                % {
                    "title": titles.get(row["occupation"], ""),
                    "code": row["occupation"],
                    "years": row["years"],
                }
                for row in snapshot.get("occupations", [])
            ),
        ),
        (
            _("Languages"),
            "; ".join(
                " ".join(
                    filter(
                        None,
                        [
                            str(languages.get(row["language"], row["language"])),
                            row["level"],
                            str(certificates.get(row["certificate"], ""))
                            if row["certificate"]
                            else "",
                            row.get("score", ""),
                        ],
                    )
                )
                for row in snapshot.get("languages", [])
            ),
        ),
        (_("Driving licence"), ", ".join(snapshot.get("driving_categories", []))),
        (_("Passport valid until"), snapshot.get("passport_valid_until") or ""),
        (_("About"), snapshot.get("about", "")),
    ]
    return [(label, value) for label, value in lines if value]


# --- licensing officers -----------------------------------------------------------------


def statistics():
    """Per agency (or authority) and destination: how many applied, were selected
    (offered a job or further) and departed. Anonymised applications count too:
    the figures outlive the identities."""
    return (
        Application.objects.order_by()
        .values(
            "vacancy__channel",
            "vacancy__agency_id",
            "vacancy__agency__legal_name",
            "vacancy__authority_id",
            "vacancy__authority__name",
            "vacancy__country_id",
        )
        .annotate(
            applied=Count("pk"),
            selected=Count("pk", filter=Q(selected_at__isnull=False)),
            departed=Count("pk", filter=Q(status="departed")),
        )
        .order_by("vacancy__agency__legal_name", "vacancy__country_id")
    )


def due_for_anonymisation(cutoff):
    """Applications not yet anonymised whose vacancy closed before ``cutoff`` (a
    date): closed (its last change before then), or past its expiry date or
    application deadline before then."""
    closed = (
        Q(vacancy__status=Vacancy.Status.CLOSED, vacancy__updated_at__date__lt=cutoff)
        | Q(vacancy__expires_on__lt=cutoff)
        | Q(vacancy__deadline__lt=cutoff)
    )
    return Application.objects.filter(closed, anonymised_at__isnull=True)
