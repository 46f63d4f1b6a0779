"""Staff groups are declared once per app and synced after every migrate."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext

from portal.staff_groups import declared_groups, sync_staff_groups

pytestmark = pytest.mark.django_db

DECLARING_APPS = {
    "Licensing officer": "agencies",
    "Registry viewer": "agencies",
    "Content editor": "vacancies",
    "Ban list auditor": "blacklist",
    "Feed operator": "feeds",
}


def granted(name):
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def declared(name):
    return {
        (label, f"{action}_{model}")
        for label, models in declared_groups()[name].items()
        for model, actions in models.items()
        for action in actions
    }


def test_every_app_declares_its_own_groups():
    assert {
        name: label
        for label in set(DECLARING_APPS.values())
        for name in apps.get_app_config(label).staff_groups
    } == DECLARING_APPS


@pytest.mark.parametrize("name", DECLARING_APPS)
def test_after_migrate_each_group_has_exactly_its_declared_permissions(name):
    assert granted(name) == declared(name)


def test_the_declarations_grant_what_the_migrations_granted():
    officer = {codename for _, codename in granted("Licensing officer")}
    assert "view_licensingauthority" in officer and "add_licensingauthority" not in officer
    assert {"add_licence", "change_licence", "view_licenceevent"} <= officer
    assert {codename for _, codename in granted("Registry viewer")} == {
        codename for codename in officer if codename.startswith("view_")
    }
    editor = {codename for _, codename in granted("Content editor")}
    assert {"delete_vacancycost", "view_publisher", "change_exchangerate"} <= editor
    assert "change_publisher" not in editor and "delete_vacancy" not in editor
    assert ("django_celery_beat", "change_periodictask") in granted("Feed operator")


def test_a_second_sync_changes_nothing():
    before = {name: (Group.objects.get(name=name).pk, granted(name)) for name in DECLARING_APPS}
    with CaptureQueriesContext(connection) as queries:
        sync_staff_groups()
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert {name: (Group.objects.get(name=name).pk, granted(name)) for name in DECLARING_APPS} == (
        before
    )


def test_groups_edited_by_hand_are_put_back_on_the_next_migrate():
    officer = Group.objects.get(name="Licensing officer")
    officer.permissions.remove(Permission.objects.get(codename="change_licence"))
    officer.permissions.add(Permission.objects.get(codename="delete_licence"))
    Group.objects.get(name="Feed operator").delete()

    call_command("migrate", verbosity=0)

    assert granted("Licensing officer") == declared("Licensing officer")
    assert Group.objects.get(name="Licensing officer").pk == officer.pk
    assert granted("Feed operator") == declared("Feed operator")


def test_a_permission_that_does_not_exist_fails_loudly(monkeypatch):
    monkeypatch.setattr(
        apps.get_app_config("feeds"),
        "staff_groups",
        {"Feed operator": {"feeds": {"feed": ("view", "approve")}}},
    )
    with pytest.raises(ImproperlyConfigured, match=r"'Feed operator'.*feeds\.approve_feed"):
        sync_staff_groups()


def test_a_model_that_does_not_exist_fails_loudly(monkeypatch):
    monkeypatch.setattr(
        apps.get_app_config("feeds"),
        "staff_groups",
        {"Feed operator": {"feeds": {"feedz": ("view",)}}},
    )
    with pytest.raises(LookupError, match="feedz"):
        sync_staff_groups()


def test_a_group_declared_twice_fails_loudly(monkeypatch):
    monkeypatch.setattr(
        apps.get_app_config("feeds"),
        "staff_groups",
        {"Content editor": {"vacancies": {"vacancy": ("view",)}}},
    )
    with pytest.raises(ImproperlyConfigured, match="'Content editor' is declared twice"):
        sync_staff_groups()


def test_a_group_whose_models_are_not_migrated_yet_waits_for_the_full_migrate():
    """`migrate portal 0002` on an empty database: the feeds' tables do not exist yet."""
    Group.objects.get(name="Feed operator").delete()
    loader = MigrationLoader(connection)
    portal_0002 = ("portal", "0002_schedule_clear_expired_sessions")
    auth_0012 = ("auth", "0012_alter_user_first_name_max_length")

    sync_staff_groups(apps=loader.project_state(portal_0002).apps)
    sync_staff_groups(apps=loader.project_state([portal_0002, auth_0012]).apps)
    assert not Group.objects.filter(name="Feed operator").exists()

    sync_staff_groups()
    assert granted("Feed operator") == declared("Feed operator")
