"""A database of the layout before partners and feeds had apps of their own migrates
forward with every row kept: the tables are taken over and renamed, foreign keys
still point at the same rows, staff groups keep their permissions, beat keeps its
feed schedules and partner keys keep every scope that means something."""

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

pytestmark = pytest.mark.django_db(transaction=True)

OLD_LAYOUT = [
    ("portal", "0004_feed_operator_group"),
    ("agencies", "0006_search_keys_keep_apostrophe_words"),
    ("vacancies", "0010_search_document_postgresql"),
    ("blacklist", "0003_partial_document_index"),
]
MOVED = {
    "partner": "partners",
    "partnerapikey": "partners",
    "feed": "feeds",
    "feedrun": "feeds",
    "rejectedrecord": "feeds",
}


def populate_old_layout(apps):
    """Rows of every moved model and of every model pointing at one, as staff and
    partners left them; returns what to look for afterwards."""
    model = apps.get_model
    partner = model("portal", "Partner").objects.create(name="Seoul EPS centre", notes="n")
    other = model("portal", "Partner").objects.create(name="Border registry")
    key = model("portal", "PartnerAPIKey").objects.create(
        id="abc.hash",
        prefix="abc",
        hashed_key="hash",
        name="sync",
        partner=partner,
        scopes=["vacancies:read", "vacancies:write", "agencies:read", "feeds:push"],
    )
    schedule = model("django_celery_beat", "IntervalSchedule").objects.create(
        every=60, period="minutes"
    )
    task = model("django_celery_beat", "PeriodicTask").objects.create(
        name="feed 1", task="portal.feeds.tasks.sync_feed", interval=schedule
    )
    feed = model("portal", "Feed").objects.create(
        partner=partner,
        name="Vacancies in Korea",
        kind="vacancies",
        format="json",
        url="https://feeds.example.org/kr.json",
        interval_minutes=60,
        periodic_task=task,
    )
    run = model("portal", "FeedRun").objects.create(feed=feed, outcome="partial", received=3)
    model("portal", "RejectedRecord").objects.create(run=run, line=2, field="title", message="m")
    country = model("vacancies", "Country").objects.get_or_create(
        code="KR", defaults={"name": "Republic of Korea"}
    )[0]
    vacancy = model("vacancies", "Vacancy").objects.create(
        title="Welder",
        country=country,
        employer_name="Demo Shipyard (fictional)",
        wage_min=2000,
        wage_currency="USD",
        contract_months=24,
        visa_type="E-9",
        channel="employer",
        partner=partner,
        external_id="kr-1",
    )
    publisher = model("vacancies", "Publisher").objects.create(partner=partner, channel="employer")
    check = model("blacklist", "ApiCheckLog").objects.create(
        partner=other, key_prefix="xyz", outcome="no_record"
    )
    # A group a staff member set up with permissions on the moved models.
    content_type, _ = model("contenttypes", "ContentType").objects.get_or_create(
        app_label="portal", model="feed"
    )
    permission, _ = model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="change_feed", defaults={"name": "Can change feed"}
    )
    group = model("auth", "Group").objects.create(name="Feed desk")
    group.permissions.add(permission)
    return {
        "partners": {partner.pk: partner.name, other.pk: other.name},
        "key": key.pk,
        "task": task.pk,
        "feed": feed.pk,
        "run": run.pk,
        "vacancy": vacancy.pk,
        "publisher": publisher.pk,
        "check": check.pk,
        "group": group.pk,
    }


def test_a_populated_database_of_the_old_layout_migrates_forward_keeping_every_row(
    migrator,
):
    migrator.apply_initial_migration(OLD_LAYOUT)
    # The library applies whatever precedes the targets in the full plan, which may
    # be some of the new layout's state-only steps: take the new apps out again.
    old_state = migrator.apply_tested_migration([*OLD_LAYOUT, ("partners", None), ("feeds", None)])
    applied = {app for app, _name in MigrationRecorder(connection).applied_migrations()}
    assert not {"partners", "feeds"} & applied
    before = populate_old_layout(old_state.apps)

    newest = MigrationLoader(connection).graph.leaf_nodes()
    new_state = migrator.apply_tested_migration(newest)
    model = new_state.apps.get_model

    Partner = model("partners", "Partner")
    assert dict(Partner.objects.values_list("pk", "name")) == before["partners"]
    key = model("partners", "PartnerAPIKey").objects.get(pk=before["key"])
    assert key.partner.name == "Seoul EPS centre"
    assert key.scopes == ["vacancies:write", "feeds:push"]
    feed = model("feeds", "Feed").objects.get(pk=before["feed"])
    assert feed.partner.name == "Seoul EPS centre"
    assert feed.periodic_task.task == "feeds.tasks.sync_feed"
    run = feed.runs.get()
    assert (run.pk, run.outcome, run.received) == (before["run"], "partial", 3)
    assert run.rejected_records.get().message == "m"
    vacancy = model("vacancies", "Vacancy").objects.get(pk=before["vacancy"])
    assert vacancy.partner.name == "Seoul EPS centre"
    assert model("vacancies", "Publisher").objects.get(pk=before["publisher"]).partner == (
        vacancy.partner
    )
    assert model("blacklist", "ApiCheckLog").objects.get(pk=before["check"]).partner.name == (
        "Border registry"
    )
    group = model("auth", "Group").objects.get(pk=before["group"])
    assert [(p.content_type.app_label, p.codename) for p in group.permissions.all()] == [
        ("feeds", "change_feed")
    ]
    assert (
        not model("contenttypes", "ContentType")
        .objects.filter(app_label="portal", model__in=MOVED)
        .exists()
    )

    tables = set(connection.introspection.table_names())
    assert {f"{app}_{name}" for name, app in MOVED.items()} <= tables
    assert not {f"portal_{name}" for name in MOVED} & tables
    # New rows get new keys after the old ones, and the foreign keys still hold.
    newcomer = Partner.objects.create(name="Vilnius registry")
    assert newcomer.pk > max(before["partners"])
    with pytest.raises(IntegrityError):
        model("feeds", "FeedRun").objects.create(feed_id=10_000)
