"""Demo applicants and applications: fictional people (`demo.synthetic_people`)
with profiles, applying to public demo vacancies, at every status, moved through
`applications.services` as recruiters would. Under DEBUG only, a demo recruiter
of one demo agency with a password and an authenticator key printed by
`seed_demo`, so `make run` shows the cabinet.

The applicants have no phone number and no e-mail: nobody is texted. A second run
finds them and adds nothing.
"""

import datetime
import random

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accounts.services import set_language
from agencies.models import Agency
from applications import services
from applications.choices import REGIONS, RejectReason, Status
from applications.models import Profile, ProfileLanguage, ProfileOccupation, StatusChange
from demo.synthetic_people import people
from vacancies.models import Occupation, Vacancy

PREFIX = "demo-applicant-"
COUNT = 64
SEED = "demo-applicants"
RECRUITER = "demo-recruiter"
# Fixed so that every `make run` prints the same working login (DEBUG only).
RECRUITER_PASSWORD = "demo-recruiter-Ulsan-2026"  # noqa: S105 (demo login, DEBUG only)
RECRUITER_TOTP_SECRET = "JBSWY3DPEHPK3PXPDEMOAPPLYKRQWAAA"  # noqa: S105 (base32, demo only)
# The paths the demo applications walk, one per final status they show.
PATHS = [
    [],
    [Status.SHORTLISTED],
    [Status.SHORTLISTED, Status.INTERVIEW],
    [Status.SHORTLISTED, Status.INTERVIEW, Status.OFFERED],
    [Status.SHORTLISTED, Status.OFFERED, Status.CONTRACTED],
    [Status.SHORTLISTED, Status.OFFERED, Status.CONTRACTED, Status.DEPARTED],
    [Status.REJECTED],
    [Status.SHORTLISTED, Status.INTERVIEW, Status.REJECTED],
    [Status.WITHDRAWN],
]
UNIT_OCCUPATIONS = ["7212", "7112", "8322", "9313", "6111", "5120", "7411", "8160", "9329"]


def seed():
    summary = _seed_applicants()
    if settings.DEBUG:
        summary += "; " + _seed_recruiter()
    return summary


def _seed_applicants():
    if User.objects.filter(username__startswith=PREFIX).exists():
        return "already loaded"
    vacancies = list(
        Vacancy.objects.public()
        .filter(channel=Vacancy.Channel.AGENCY)
        .select_related("agency")
        .order_by("agency_id", "pk")[:400]
    )
    if not vacancies:
        return "no public agency vacancies to apply to"
    rng = random.Random(SEED)  # noqa: S311 (reproducible demo data)
    occupations = list(Occupation.objects.filter(code__in=UNIT_OCCUPATIONS))
    # Most applications go to the demo recruiter's agency, so its cabinet is full.
    home = vacancies[0].agency_id
    own = [v for v in vacancies if v.agency_id == home] or vacancies
    applications = 0
    for number, person in enumerate(people(SEED, COUNT), start=1):
        user = User.objects.create_user(f"{PREFIX}{number:03d}")
        user.set_unusable_password()
        user.save(update_fields=["password"])
        profile = _profile(user, person, rng, occupations)
        language = _home_language(profile)
        set_language(user, language)
        for path in _paths_for(number, rng):
            vacancy = rng.choice(own if rng.random() < 0.7 else vacancies)
            if profile.user.applications.filter(vacancy=vacancy).exists():
                continue
            _apply_along(user, vacancy, path, language)
            applications += 1
    return f"{COUNT} applicants, {applications} applications at every status"


def _profile(user, person, rng, occupations):
    surname, given, _patronymic = person["own"]
    citizenship = person["citizenship"] if person["citizenship"] in REGIONS else "UZ"
    profile = Profile.objects.create(
        user=user,
        surname_latin=_passport_latin(surname),
        given_names_latin=_passport_latin(given),
        name_cyrillic=f"{person['surname']} {person['given_name']} {person['patronymic']}",
        date_of_birth=person["date_of_birth"],
        citizenship=citizenship,
        region=rng.choice(REGIONS[citizenship])[0],
        district="",
        education=rng.choice(["secondary", "vocational", "vocational", "higher_incomplete"]),
        driving_categories=rng.choice([[], ["B"], ["B", "C"], ["B", "C", "CE"]]),
        passport_valid_until=timezone.localdate()
        + datetime.timedelta(days=rng.randrange(200, 3000)),
        about="",
    )
    for occupation in rng.sample(occupations, k=min(len(occupations), rng.choice([1, 1, 2]))):
        ProfileOccupation.objects.create(
            profile=profile, occupation=occupation, years=rng.randrange(0, 12)
        )
    if rng.random() < 0.6:
        language = rng.choice(["ko", "ru", "en", "tr"])
        certificate, score = {
            "ko": ("eps_topik", str(rng.randrange(120, 190))),
            "en": ("ielts", "5.0"),
        }.get(language, ("", ""))
        ProfileLanguage.objects.create(
            profile=profile,
            language=language,
            level=rng.choice(["A2", "B1", "B2"]),
            certificate=certificate,
            score=score,
        )
    return profile


def _passport_latin(name):
    """As a passport writes it: capitals, no ʻ."""
    return name.replace("ʻ", "").replace("'", "").upper()


def _home_language(profile):
    """The language a demo applicant reads: Kyrgyz for Kyrgyz citizens, Karakalpak
    for people from Karakalpakstan, Uzbek for the other Uzbek citizens."""
    if profile.citizenship == "KG":
        return "ky"
    return "kaa" if profile.region == "UZ-QR" else "uz"


# Where a demo interview takes place, as a recruiter writes it to the applicant
# in the applicant's language: the agency's office in its country's capital.
OFFICE = {
    "uz": "Agentlik ofisi (namuna), {city}",
    "kaa": "Agentlik keńsesi (úlgi), {city}",
    "ky": "Агенттиктин кеңсеси (үлгү), {city}",
}
CAPITAL = {
    "UZ": {"uz": "Toshkent", "kaa": "Tashkent", "ky": "Ташкент"},
    "KG": {"uz": "Bishkek", "kaa": "Bishkek", "ky": "Бишкек"},
}


def interview_place(vacancy, language):
    capital = CAPITAL.get(vacancy.agency.country.code, CAPITAL["UZ"])
    return OFFICE[language].format(city=capital[language])


def _paths_for(number, rng):
    first = PATHS[number % len(PATHS)]  # every status is shown
    return [first, *rng.sample(PATHS, k=rng.choice([0, 1, 2]))]


def _apply_along(user, vacancy, path, language):
    with transaction.atomic():
        application = services.apply(user, vacancy, consent=True)
        for status in path:
            actor = (
                StatusChange.Actor.APPLICANT
                if status == Status.WITHDRAWN
                else StatusChange.Actor.SYSTEM
            )
            details = {}
            if status == Status.INTERVIEW:
                details = {
                    "interview_at": timezone.now() + datetime.timedelta(days=10),
                    "interview_place": interview_place(vacancy, language),
                }
            if status == Status.REJECTED:
                details = {"reason": RejectReason.POSITIONS_FILLED}
            application = services.change_status(
                application,
                status,
                actor_kind=actor,
                actor=user if actor == StatusChange.Actor.APPLICANT else None,
                **details,
            )


def _seed_recruiter():
    """The demo agency's recruiter: the agency of most demo applications."""
    agency_id = (
        Vacancy.objects.public()
        .filter(channel=Vacancy.Channel.AGENCY, applications__isnull=False)
        .order_by("agency_id")
        .values_list("agency_id", flat=True)
        .first()
    )
    if agency_id is None:
        return "no demo recruiter (no applications)"
    user, created = User.objects.get_or_create(username=RECRUITER)
    if created:
        user.set_password(RECRUITER_PASSWORD)
        user.save()
    recruiter = services.appoint_recruiter(user, agency=Agency.objects.get(pk=agency_id))
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, RECRUITER_TOTP_SECRET)
    return (
        f"demo recruiter of {recruiter.agency}: sign in at /en/account/login/ as "
        f"{RECRUITER} / {RECRUITER_PASSWORD}, authenticator key {RECRUITER_TOTP_SECRET}, "
        "then open /en/recruiter/ (DEBUG only)"
    )
