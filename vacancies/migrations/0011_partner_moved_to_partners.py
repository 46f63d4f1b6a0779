"""Vacancies and publishers point at ``partners.Partner`` now: same table, same
foreign keys in the database, only the model moved."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('vacancies', '0010_search_document_postgresql'),
        ('partners', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='publisher',
                    name='partner',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='publishers', to='partners.partner', verbose_name='partner'),
                ),
                migrations.AlterField(
                    model_name='vacancy',
                    name='partner',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='vacancies', to='partners.partner', verbose_name='source partner'),
                ),
            ],
            database_operations=[],
        ),
    ]
