"""Who keeps the directory: the *Directory editor* group, declared as data and
created after every `migrate` by `portal.staff_groups`."""

EDITOR_GROUP = "Directory editor"

GROUPS = {
    EDITOR_GROUP: {
        "directory": {
            "organisation": ("view", "add", "change", "delete"),
            "service": ("view", "add", "change", "delete"),
        },
    },
}
