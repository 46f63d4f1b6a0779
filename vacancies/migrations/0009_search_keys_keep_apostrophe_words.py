"""Once recomputed the stored search keys, when a word with an ASCII or typographic
apostrophe (G'isht, O’zbekiston) stopped being split in two.

It now does nothing: a migration that imports today's key code would run tomorrow's
rules on an old schema and could break ``migrate`` on an empty database. Stored keys
are brought up to date by ``python manage.py rebuild_search_keys`` (or the
``portal.tasks.rebuild_search_keys`` task) after a change to `spelling`. The file
stays so that databases that applied it keep the same migration graph.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0008_list_order_indexes")]

    operations = []
