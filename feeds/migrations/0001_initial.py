"""Feeds, their runs and rejected records were models of the ``portal`` app; this app
takes them over without touching the database (0002 renames the tables)."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('portal', '0004_feed_operator_group'),
        ('partners', '0001_initial'),
        ('agencies', '0004_service_fee_optional'),
        ('blacklist', '0002_ban_list_auditor_group'),
        ('django_celery_beat', '0019_alter_periodictasks_options'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Feed',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('kind', models.CharField(choices=[('vacancies', 'vacancies'), ('bans', 'ban records'), ('licences', 'licence statuses'), ('rates', 'exchange rates')], max_length=10, verbose_name='kind')),
                        ('format', models.CharField(choices=[('json', 'JSON'), ('csv', 'CSV')], max_length=4, verbose_name='format')),
                        ('mode', models.CharField(choices=[('full', 'full snapshot'), ('incremental', 'incremental changes')], default='full', max_length=11, verbose_name='mode')),
                        ('url', models.URLField(blank=True, help_text='Leave empty for a partner that pushes its documents to the API.', max_length=500, verbose_name='URL')),
                        ('token_encrypted', models.TextField(blank=True, editable=False)),
                        ('token_header', models.CharField(blank=True, default='Authorization', max_length=100, verbose_name='token header')),
                        ('signing_secret_encrypted', models.TextField(blank=True, editable=False)),
                        ('interval_minutes', models.PositiveIntegerField(blank=True, help_text='Leave empty to fetch only on demand or by push.', null=True, verbose_name='fetch every (minutes)')),
                        ('is_active', models.BooleanField(default=True, verbose_name='active')),
                        ('last_checksum', models.CharField(blank=True, editable=False, max_length=64, verbose_name='last checksum')),
                        ('last_success_at', models.DateTimeField(editable=False, null=True, verbose_name='last successful run')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='created')),
                        ('authority', models.ForeignKey(blank=True, help_text='For licence-status feeds: the authority whose licences they are.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='feeds', to='agencies.licensingauthority', verbose_name='licensing authority')),
                        ('ban_source', models.ForeignKey(blank=True, help_text='For ban-record feeds: the list the records belong to.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='feeds', to='blacklist.bansource', verbose_name='ban list')),
                        ('partner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='feeds', to='partners.partner', verbose_name='partner')),
                        ('periodic_task', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='django_celery_beat.periodictask')),
                    ],
                    options={
                        'verbose_name': 'feed',
                        'verbose_name_plural': 'feeds',
                        'db_table': 'portal_feed',
                        'ordering': ['partner__name', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='FeedRun',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('trigger', models.CharField(choices=[('schedule', 'schedule or operator'), ('push', 'push')], default='schedule', max_length=8, verbose_name='trigger')),
                        ('started_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='started')),
                        ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                        ('outcome', models.CharField(choices=[('running', 'running'), ('success', 'success'), ('partial', 'partial'), ('failed', 'failed'), ('skipped', 'skipped'), ('awaiting', 'awaiting approval')], default='running', max_length=8, verbose_name='outcome')),
                        ('checksum', models.CharField(blank=True, max_length=64, verbose_name='checksum')),
                        ('received', models.PositiveIntegerField(default=0, verbose_name='received')),
                        ('created', models.PositiveIntegerField(default=0, verbose_name='created')),
                        ('updated', models.PositiveIntegerField(default=0, verbose_name='updated')),
                        ('unchanged', models.PositiveIntegerField(default=0, verbose_name='unchanged')),
                        ('withdrawn', models.PositiveIntegerField(default=0, verbose_name='withdrawn')),
                        ('rejected', models.PositiveIntegerField(default=0, verbose_name='rejected')),
                        ('error', models.TextField(blank=True, verbose_name='error')),
                        ('pending_withdrawal', models.JSONField(blank=True, default=list, help_text='External ids a full snapshot left out, held back until an operator decides.', verbose_name='withdrawal awaiting approval')),
                        ('feed', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='runs', to='feeds.feed')),
                    ],
                    options={
                        'verbose_name': 'feed run',
                        'verbose_name_plural': 'feed runs',
                        'db_table': 'portal_feedrun',
                        'ordering': ['-started_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='RejectedRecord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('line', models.PositiveIntegerField(verbose_name='line or index')),
                        ('field', models.CharField(max_length=100, verbose_name='field')),
                        ('message', models.TextField(verbose_name='message')),
                        ('run', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rejected_records', to='feeds.feedrun')),
                    ],
                    options={
                        'verbose_name': 'rejected record',
                        'verbose_name_plural': 'rejected records',
                        'db_table': 'portal_rejectedrecord',
                        'ordering': ['line', 'pk'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='feed',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'bans'), _negated=True), ('ban_source__isnull', False), _connector='OR'), name='feed_bans_name_their_list'),
                ),
                migrations.AddConstraint(
                    model_name='feed',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'licences'), _negated=True), ('authority__isnull', False), _connector='OR'), name='feed_licences_name_their_authority'),
                ),
                migrations.AddConstraint(
                    model_name='feed',
                    constraint=models.CheckConstraint(condition=models.Q(('interval_minutes__isnull', True), ('interval_minutes__gte', 1), _connector='OR'), name='feed_interval_positive'),
                ),
                migrations.AddIndex(
                    model_name='feedrun',
                    index=models.Index(fields=['feed', '-started_at'], name='feedrun_feed_started'),
                ),
            ],
            database_operations=[],
        ),
    ]
