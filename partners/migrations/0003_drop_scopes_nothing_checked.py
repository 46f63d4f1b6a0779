"""Keys lose the scopes that no request ever checked: ``vacancies:read``,
``agencies:read`` (reads are open to anyone, keyed or not) and ``agencies:write``
(nothing writes the registry over the API). Keys keep every other scope."""

from django.db import migrations

DROPPED = {"vacancies:read", "agencies:read", "agencies:write"}


def drop_scopes(apps, schema_editor):
    PartnerAPIKey = apps.get_model("partners", "PartnerAPIKey")
    for key in PartnerAPIKey.objects.all():
        kept = [scope for scope in key.scopes if scope not in DROPPED]
        if kept != key.scopes:
            key.scopes = kept
            key.save(update_fields=["scopes"])


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_tables_named_after_the_app")]

    operations = [migrations.RunPython(drop_scopes, migrations.RunPython.noop)]
