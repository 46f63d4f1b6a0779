"""Recompute the stored search keys: a word with an ASCII or typographic apostrophe
(G'isht, O’zbekiston) used to be split in two, so a search typed the same way on a
phone did not find it."""

from django.db import migrations

BATCH = 2000


def recompute(apps, schema_editor):
    from vacancies.search import search_key

    Vacancy = apps.get_model("vacancies", "Vacancy")
    changed = []
    for vacancy in Vacancy.objects.select_related("occupation").iterator(chunk_size=BATCH):
        key = search_key(vacancy)
        if key != vacancy.search_key:
            vacancy.search_key = key
            changed.append(vacancy)
        if len(changed) >= BATCH:
            Vacancy.objects.bulk_update(changed, ["search_key"])
            changed = []
    Vacancy.objects.bulk_update(changed, ["search_key"])


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0008_list_order_indexes")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
