"""A full snapshot withdraws only its own feed's records.

Vacancies: each feed vacancy learns the feed that delivered it
(``Vacancy.source_feed_id``) where that can be told, that is when its partner has
one vacancies feed; a partner with several has them told apart as each feed
delivers them again, and keeps the others until then. Ban lists and authorities'
licences: one full-snapshot feed each (a second one would withdraw what the
first delivers)."""

from django.db import migrations, models


def mark_vacancy_feeds(apps, schema_editor):
    Feed = apps.get_model("feeds", "Feed")
    Vacancy = apps.get_model("vacancies", "Vacancy")
    feeds = {}
    for partner_id, feed_id in Feed.objects.filter(kind="vacancies").values_list(
        "partner_id", "pk"
    ):
        feeds.setdefault(partner_id, []).append(feed_id)
    for partner_id, (feed_id, *others) in feeds.items():
        if not others:
            Vacancy.objects.filter(
                partner_id=partner_id, source="feed", source_feed_id__isnull=True
            ).update(source_feed_id=feed_id)


def keep_one_full_feed_per_list(apps, schema_editor):
    """A database may already hold two full-snapshot feeds of one ban list or one
    authority (each withdrawing what the other delivers): the oldest stays full, the
    others become incremental, so the constraints below can be added."""
    Feed = apps.get_model("feeds", "Feed")
    for kind, field in (("bans", "ban_source_id"), ("licences", "authority_id")):
        kept = set()
        for feed in Feed.objects.filter(kind=kind, mode="full").order_by("created_at", "pk"):
            owner = getattr(feed, field)
            if owner is None or owner not in kept:
                kept.add(owner)
                continue
            feed.mode = "incremental"
            feed.save(update_fields=["mode"])


class Migration(migrations.Migration):

    dependencies = [
        ('agencies', '0006_search_keys_keep_apostrophe_words'),
        ('blacklist', '0004_partner_moved_to_partners'),
        ('django_celery_beat', '0019_alter_periodictasks_options'),
        ('feeds', '0002_tables_named_after_the_app'),
        ('partners', '0003_drop_scopes_nothing_checked'),
        ('vacancies', '0012_vacancy_source_feed_id'),
    ]

    operations = [
        migrations.RunPython(keep_one_full_feed_per_list, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='feed',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'bans'), ('mode', 'full')), fields=('ban_source',), name='feed_one_full_snapshot_per_ban_list', violation_error_message='This ban list already has a full-snapshot feed.'),
        ),
        migrations.AddConstraint(
            model_name='feed',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'licences'), ('mode', 'full')), fields=('authority',), name='feed_one_full_snapshot_per_authority', violation_error_message="This authority's licences already have a full-snapshot feed."),
        ),
        migrations.RunPython(mark_vacancy_feeds, migrations.RunPython.noop),
    ]
