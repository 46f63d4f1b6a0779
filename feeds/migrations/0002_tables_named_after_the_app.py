"""The tables of feeds, feed runs and rejected records take this app's name
(``portal_*`` to ``feeds_*``).

A rename: every row and every foreign key pointing at them is kept."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('feeds', '0001_initial'),
        ('portal', '0005_hand_over_partners_and_feeds'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='feed',
            table=None,
        ),
        migrations.AlterModelTable(
            name='feedrun',
            table=None,
        ),
        migrations.AlterModelTable(
            name='rejectedrecord',
            table=None,
        ),
    ]
