"""Who edits the stage pages: the portal's content editors (the group the country
guides' editors are in), declared as data like every app's groups."""

GROUPS = {
    "Content editor": {
        "guidance": {
            "stage": ("view", "change"),
            "topic": ("view", "add", "change"),
        },
    },
}
