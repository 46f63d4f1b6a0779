"""Only the "Ban list auditor" group sees ban records in the admin, and every list
page, record page and export is logged with who and when."""

import pytest
from django.contrib.auth.models import Group, Permission

from blacklist.models import RecordAccessLog
from blacklist.staff import AUDITOR_GROUP
from tests.factories.users import StaffUserFactory, give_second_factor

pytestmark = pytest.mark.django_db
CHANGELIST = "/en/admin/blacklist/banrecord/"


def staff(username, *, superuser=False, auditor=False, with_permission=False):
    user = StaffUserFactory(
        username=username,
        password="x",
        is_superuser=superuser,
        groups=[AUDITOR_GROUP] if auditor else [],
    )
    if with_permission:
        user.user_permissions.add(Permission.objects.get(codename="view_banrecord"))
    give_second_factor(user)  # staff who may see personal data have one (accounts.mfa)
    return user


def test_the_group_is_synced_after_migrate_with_view_permissions():
    group = Group.objects.get(name=AUDITOR_GROUP)
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "view_banrecord",
        "view_bansource",
        "view_recordaccesslog",
    }


@pytest.mark.parametrize(
    "user_kwargs",
    [{}, {"with_permission": True}, {"superuser": True}],
    ids=["staff", "staff-with-permission", "superuser-outside-group"],
)
def test_others_cannot_see_records(client, make_record, user_kwargs):
    record = make_record()
    client.force_login(staff("other", **user_kwargs))
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{record.pk}/change/").status_code == 403
    assert "Абдуллаев" not in client.get("/en/admin/").content.decode()
    assert "/blacklist/banrecord/" not in client.get("/en/admin/").content.decode()
    assert not RecordAccessLog.objects.exists()


def test_auditor_views_are_logged(client, make_record):
    first = make_record()
    second = make_record("Каримов", "Азиз", "")
    auditor = staff("auditor", auditor=True)
    client.force_login(auditor)
    listing = client.get(CHANGELIST, {"q": "Каримов"})
    assert listing.status_code == 200
    assert "Каримов" in listing.content.decode()
    page = client.get(f"{CHANGELIST}{first.pk}/change/")
    assert page.status_code == 200
    assert "Абдуллаев" in page.content.decode()
    logs = list(RecordAccessLog.objects.order_by("at", "pk"))
    assert [(log.user, log.action, log.record_ids) for log in logs] == [
        (auditor, "list", [second.pk]),
        (auditor, "view", [first.pk]),
    ]
    assert "Каримов" in logs[0].query or "%D0%9A" in logs[0].query
    assert all(log.at for log in logs)


def test_auditor_export_is_logged(client, make_record):
    records = [make_record(), make_record("Каримов", "Азиз", "")]
    auditor = staff("auditor", auditor=True)
    client.force_login(auditor)
    response = client.post(
        CHANGELIST,
        {"action": "export_csv", "_selected_action": [record.pk for record in records]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode()
    assert "Абдуллаев" in content
    assert content.splitlines()[0].startswith("source,external_id,surname")
    log = RecordAccessLog.objects.get()
    assert (log.user, log.action, sorted(log.record_ids)) == (
        auditor,
        "export",
        sorted(record.pk for record in records),
    )


def test_records_are_read_only_even_for_auditors(client, make_record):
    record = make_record()
    client.force_login(staff("auditor", auditor=True))
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert client.get(f"{CHANGELIST}{record.pk}/delete/").status_code == 403
    client.post(f"{CHANGELIST}{record.pk}/change/", {"surname": "X"})
    record.refresh_from_db()
    assert record.surname == "Абдуллаев"


def test_access_log_cannot_be_edited(client, make_record):
    make_record()
    auditor = staff("auditor", auditor=True)
    client.force_login(auditor)
    client.get(CHANGELIST)
    log = RecordAccessLog.objects.get()
    assert client.get("/en/admin/blacklist/recordaccesslog/").status_code == 200
    assert client.get(f"/en/admin/blacklist/recordaccesslog/{log.pk}/delete/").status_code == 403
