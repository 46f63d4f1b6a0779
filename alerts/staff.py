"""Staff groups of the alerts app, as data (`portal.staff_groups` applies them).

Announcements are content: give content editors this group too. The outbox is
shown to support staff without its addresses and chats (`alerts.admin`)."""

GROUPS = {
    "Announcement editor": {
        "alerts": {"announcement": ("view", "add", "change")},
    },
    "Alerts support": {
        "alerts": {"message": ("view",)},
    },
}
