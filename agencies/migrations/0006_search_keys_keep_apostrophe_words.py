"""Recompute the agencies' name keys with the shared word splitting
(`blacklist.matching.split_words`): Yoʻl, Yo'l and Yo’l are one word, and oʻ is
read as the letter it is."""

from django.db import migrations


def recompute(apps, schema_editor):
    from agencies.channels import search_key

    Agency = apps.get_model("agencies", "Agency")
    changed = []
    for agency in Agency.objects.all():
        key = search_key(f"{agency.legal_name} {agency.brand_names}")
        if key != agency.search_key:
            agency.search_key = key
            changed.append(agency)
    Agency.objects.bulk_update(changed, ["search_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("agencies", "0005_search_key_trigram_index")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
