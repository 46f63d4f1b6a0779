"""The tables of partners and their API keys take this app's name (``portal_*`` to ``partners_*``).

A rename: every row and every foreign key pointing at them is kept."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0001_initial'),
        ('portal', '0005_hand_over_partners_and_feeds'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='partner',
            table=None,
        ),
        migrations.AlterModelTable(
            name='partnerapikey',
            table=None,
        ),
    ]
