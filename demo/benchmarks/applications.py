"""`python manage.py benchmark applications --count 20000`: seed COUNT applicant
profiles with five applications each (100,000 for 20,000) to the demo agencies'
public vacancies, then time, server side, "My applications" of random applicants
and the recruiter cabinet's list (all, by status, by vacancy) of the agency with
the most applications: p50 and p95 over `queries` requests each. Target on
PostgreSQL: p95 <= 30 ms.

Rows are bulk-inserted with consistent statuses (what the constraints demand);
the fictional people are "bench-applicant-N". A second run adds nothing.
"""

import datetime
import random
import statistics
import time

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.utils import timezone

from accounts.mfa import has_second_factor
from applications import services
from applications.choices import REGIONS, RejectReason, Status
from applications.models import Application, Profile, StatusChange
from demo import agencies as demo_agencies
from demo import vacancies as demo_vacancies
from demo.synthetic_people import people
from vacancies.models import Vacancy

PREFIX = "bench-applicant-"
PER_APPLICANT = 5
RECRUITER = "bench-recruiter"
BATCH = 5000


def run(count, queries, stdout):
    started = time.perf_counter()
    with transaction.atomic():
        demo_agencies.seed()
        demo_vacancies.seed()
        created = _seed(count)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum does after a bulk load
    total = Application.objects.filter(applicant__username__startswith=PREFIX).count()
    stdout.write(
        f"{created} profiles seeded in {time.perf_counter() - started:.1f} s "
        f"({total} benchmark applications, {connection.vendor})"
    )
    recruiter, vacancy = _recruiter()
    applicants = list(
        User.objects.filter(username__startswith=PREFIX)
        .order_by("?")
        .values_list("pk", flat=True)[:50]
    )
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    clients = {}  # one per person, signed in once, as a person browses

    def client_of(user):
        if user.pk not in clients:
            clients[user.pk] = Client(HTTP_HOST=host)
            clients[user.pk].force_login(User.objects.get(pk=user.pk))
        return clients[user.pk]

    cases = {
        "My applications": [(User(pk=pk), "/uz/applications/") for pk in applicants],
        "recruiter list": [
            (recruiter, "/uz/recruiter/"),
            (recruiter, "/ru/recruiter/?status=submitted"),
            (recruiter, f"/ky/recruiter/?vacancy={vacancy}"),
            (recruiter, "/en/recruiter/?status=shortlisted&page=2"),
        ],
    }
    for name, requests in cases.items():
        for user, url in requests:  # each person's first page, caches and connections
            _get(client_of(user), url)
        timings = []
        for n in range(queries):
            user, url = requests[n % len(requests)]
            client = client_of(user)
            begin = time.perf_counter()
            _get(client, url)
            timings.append((time.perf_counter() - begin) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        stdout.write(
            f"{name}: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms "
            f"over {queries} requests"
        )


def _get(client, url):
    response = client.get(url, secure=True)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return response


def _seed(count):
    have = User.objects.filter(username__startswith=PREFIX).count()
    if have >= count:
        return 0
    vacancies = list(
        Vacancy.objects.public()
        .filter(channel=Vacancy.Channel.AGENCY)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(vacancies) < PER_APPLICANT:
        raise RuntimeError("Run seed_demo first: the benchmark applies to its public vacancies.")
    rng = random.Random(20000)  # noqa: S311 (reproducible benchmark data)
    now = timezone.now()
    # Most applications go to a few agencies' vacancies, as real ones do.
    popular = vacancies[: max(PER_APPLICANT * 4, len(vacancies) // 10)]
    created = 0
    batch = list(people("bench-applicants", count))[have:]
    for start in range(0, len(batch), BATCH // PER_APPLICANT):
        chunk = batch[start : start + BATCH // PER_APPLICANT]
        users = User.objects.bulk_create(
            User(username=f"{PREFIX}{have + start + i + 1:06d}", password=make_password(None))
            for i in range(len(chunk))
        )
        if connection.vendor != "postgresql":  # bulk_create sets no pks on SQLite < 3.35
            users = list(User.objects.filter(username__in=[u.username for u in users]))
        profiles = []
        applications = []
        for user, person in zip(users, chunk, strict=True):
            profile = _profile(user, person, rng)
            profiles.append(profile)
            snapshot = services.build_snapshot_fields(profile)
            chosen = rng.sample(popular if rng.random() < 0.5 else vacancies, PER_APPLICANT)
            for vacancy in chosen:
                applications.append(_application(user, vacancy, snapshot, rng, now))
        Profile.objects.bulk_create(profiles)
        Application.objects.bulk_create(applications, batch_size=BATCH)
        if connection.vendor != "postgresql":
            applications = list(Application.objects.filter(applicant__in=users))
        StatusChange.objects.bulk_create(
            (_change(application) for application in applications), batch_size=BATCH
        )
        created += len(users)
    return created


def _profile(user, person, rng):
    surname, given, _patronymic = person["own"]
    citizenship = person["citizenship"] if person["citizenship"] in REGIONS else "UZ"
    return Profile(
        user=user,
        surname_latin=surname.replace("ʻ", "").upper(),
        given_names_latin=given.replace("ʻ", "").upper(),
        name_cyrillic=f"{person['surname']} {person['given_name']}",
        date_of_birth=person["date_of_birth"],
        citizenship=citizenship,
        region=rng.choice(REGIONS[citizenship])[0],
        education="vocational",
    )


STATUSES = [
    (Status.SUBMITTED, 40),
    (Status.SHORTLISTED, 15),
    (Status.INTERVIEW, 8),
    (Status.OFFERED, 5),
    (Status.CONTRACTED, 4),
    (Status.DEPARTED, 3),
    (Status.REJECTED, 18),
    (Status.WITHDRAWN, 7),
]


def _application(user, vacancy, snapshot, rng, now):
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    submitted = now - datetime.timedelta(minutes=rng.randrange(1, 60 * 24 * 180))
    application = Application(
        applicant=user,
        vacancy_id=vacancy,
        snapshot=snapshot,
        status=status,
        submitted_at=submitted,
        status_changed_at=submitted,
    )
    if status == Status.INTERVIEW:
        application.interview_at = now + datetime.timedelta(days=7)
        application.interview_place = "Benchmark office (fictional)"
    if status == Status.REJECTED:
        application.reject_reason = RejectReason.REQUIREMENTS
    if status in (Status.OFFERED, Status.CONTRACTED, Status.DEPARTED):
        application.selected_at = submitted
    return application


def _change(application):
    """The first step of each history (the rest are the services' to write)."""
    return StatusChange(
        application=application,
        to_status=Status.SUBMITTED,
        at=application.submitted_at,
        actor_kind=StatusChange.Actor.APPLICANT,
        actor_id=application.applicant_id,
    )


def _recruiter():
    """A recruiter (with a second factor) of the agency with the most applications,
    and its busiest vacancy."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    busiest = (
        Application.objects.filter(vacancy__channel=Vacancy.Channel.AGENCY)
        .values("vacancy__agency", "vacancy")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    from agencies.models import Agency

    user, _ = User.objects.get_or_create(username=RECRUITER)
    services.appoint_recruiter(user, agency=Agency.objects.get(pk=busiest["vacancy__agency"]))
    if not has_second_factor(user):
        TOTP.activate(user, generate_totp_secret())
    return user, busiest["vacancy"]
