"""The one staff group that may read ban records, declared as data.

`portal.staff_groups` creates it after every `migrate` with exactly these
permissions: ``{group: {app label: {model: (actions, ...)}}}``. The admin shows
ban records to members of this group only (`blacklist.admin.is_auditor`).
"""

AUDITOR_GROUP = "Ban list auditor"

GROUPS = {
    AUDITOR_GROUP: {
        "blacklist": {
            "banrecord": ("view",),
            "bansource": ("view",),
            "recordaccesslog": ("view",),
        },
    },
}
