from django.db import migrations


def load(apps, schema_editor):
    from vacancies.reference import load_country_guides

    load_country_guides(apps.get_model("vacancies", "Country"))


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0005_content_editor_group")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
