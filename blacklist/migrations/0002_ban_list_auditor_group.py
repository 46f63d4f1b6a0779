"""The "Ban list auditor" group: declared in `blacklist/staff.py` and synced after
migrate by `portal.staff_groups` (kept, empty, so existing databases' migration
history stays the same)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("blacklist", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
