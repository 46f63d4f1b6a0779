from django.db import migrations


def load(apps, schema_editor):
    from guidance.content import load_content

    load_content(
        apps.get_model("guidance", "Stage"),
        apps.get_model("guidance", "Topic"),
        apps.get_model("vacancies", "Country"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0001_initial"),
        ("vacancies", "0014_load_guides_and_corrections"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
