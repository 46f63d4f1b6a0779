from django.db import migrations


def load(apps, schema_editor):
    """The guides of Croatia, Qatar, Slovakia, Japan, Serbia, Belgium and Montenegro,
    and the corrections of issue 14 in the others (`vacancies.reference`)."""
    from vacancies.reference import load_country_guides

    load_country_guides(apps.get_model("vacancies", "Country"))


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0013_guide_sections_to_check")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
