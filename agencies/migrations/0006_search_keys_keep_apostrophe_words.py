"""Once recomputed the agencies' name keys with the shared word splitting, when Yoʻl,
Yo'l and Yo’l became one word and oʻ was read as the letter it is.

It now does nothing: a migration that imports today's key code would run tomorrow's
rules on an old schema and could break ``migrate`` on an empty database. Stored keys
are brought up to date by ``python manage.py rebuild_search_keys`` (or the
``portal.tasks.rebuild_search_keys`` task) after a change to `spelling`. The file
stays so that databases that applied it keep the same migration graph.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("agencies", "0005_search_key_trigram_index")]

    operations = []
