"""Staff groups: each app declares its own (`staff_groups` on its AppConfig, the
data in ``<app>/staff.py``) and this module creates them after every `migrate`.

Why after migrate and not in data migrations: Django creates permissions only
once all migrations have run (on `post_migrate`), so a migration that grants
them has to create them itself first, and a migration frozen in history cannot
follow a group whose rights change. Here a group is one declaration, applied
with ``permissions.set()``: the group gets exactly the declared permissions,
and rights added or removed by hand in the admin are put back on the next
`migrate`. Groups that are no longer declared are left alone.
"""

from django.apps import apps as global_apps
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS


def declared_groups():
    """``{group: {app label: {model: actions}}}`` of every installed app.

    Several apps may grant one group rights on their own models (content editors
    edit the guides of `vacancies` and the topics of `guidance`); one app's
    models granted twice to a group is a mistake."""
    groups = {}
    for app_config in global_apps.get_app_configs():
        for name, grants in getattr(app_config, "staff_groups", {}).items():
            merged = groups.setdefault(name, {})
            if twice := merged.keys() & grants.keys():
                raise ImproperlyConfigured(
                    f"Staff group {name!r} is declared twice for {', '.join(sorted(twice))}."
                )
            merged.update(grants)
    return groups


def sync_staff_groups(using=DEFAULT_DB_ALIAS, apps=global_apps):
    """Create every declared group and give it exactly its declared permissions.

    `apps` is the migrated state (as `post_migrate` passes it). A group naming a
    model that the database does not have yet (a partial `migrate app 0001`) waits
    for the next full `migrate`; a model or permission that does not exist at all
    is a mistake in the declaration and raises.
    """
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return  # not even auth is migrated yet
    for name, grants in declared_groups().items():
        if not _migrated(grants, apps):
            continue
        wanted = {
            (label, f"{action}_{model}")
            for label, models in grants.items()
            for model, actions in models.items()
            for action in actions
        }
        candidates = Permission.objects.using(using).filter(
            content_type__app_label__in={label for label, _ in wanted},
            codename__in={codename for _, codename in wanted},
        )
        found = {
            (label, codename): pk
            for label, codename, pk in candidates.values_list(
                "content_type__app_label", "codename", "pk"
            )
            if (label, codename) in wanted
        }
        if missing := wanted - found.keys():
            raise ImproperlyConfigured(
                f"Staff group {name!r} names permissions that do not exist: "
                + ", ".join(f"{label}.{codename}" for label, codename in sorted(missing))
            )
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(found.values())


def sync_after_migrate(sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """`post_migrate` receiver. The signal is sent once per app, in the order of
    INSTALLED_APPS, and each app's permissions are created on its own signal: only
    at the last app do all of them exist."""
    if sender is [c for c in global_apps.get_app_configs() if c.models_module][-1]:
        sync_staff_groups(using=using, apps=apps)


def _migrated(grants, apps):
    """Whether the migrated state `apps` has every model the group names."""
    for label, models in grants.items():
        for model in models:
            global_apps.get_model(label, model)  # LookupError: no such model at all
            try:
                apps.get_model(label, model)
            except LookupError:
                return False
    return True
