from django.db import migrations


def load(apps, schema_editor):
    from vacancies.reference import load_occupations

    load_occupations(apps.get_model("vacancies", "Occupation"))


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0003_recruiters_and_publishers")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
