"""The *Help desk* group, declared as data (`portal.staff_groups` creates it after
every `migrate`), and the one rule for who is help-desk staff.

Its members triage cases on the help desk's own pages (``/<lang>/helpdesk/``),
edit the routing table and responders in the admin, and read the case access log.
Superusers outside the group see no case."""

HELPDESK_GROUP = "Help desk"

GROUPS = {
    HELPDESK_GROUP: {
        "helpdesk": {
            "case": ("view", "change"),
            "caseevent": ("view", "add"),
            "route": ("view", "add", "change", "delete"),
            "responder": ("view", "add", "change"),
            "caseaccesslog": ("view",),
        },
        "directory": {"organisation": ("view",)},
    },
}


def is_helpdesk_staff(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.groups.filter(name=HELPDESK_GROUP).exists()
    )
