"""The registry's staff groups, declared as data.

`portal.staff_groups` creates them after every `migrate` with exactly these
permissions: ``{group: {app label: {model: (actions, ...)}}}``.
"""

# Officers change agencies, licences and deposits and triage reports. Authorities
# and their minimum deposits are set by administrators; events only by the services.
LICENSING_OFFICER = {
    "agencies": {
        "licensingauthority": ("view",),
        "minimumdeposit": ("view",),
        "agency": ("view", "add", "change"),
        "agencychannel": ("view", "add", "change"),
        "licence": ("view", "add", "change"),
        "licencedestination": ("view", "add", "change"),
        "licenceevent": ("view",),
        "deposit": ("view", "add", "change"),
        "depositmovement": ("view", "add", "change"),
        "recruiterreport": ("view", "add", "change"),
    },
}

GROUPS = {
    "Licensing officer": LICENSING_OFFICER,
    # Viewers read everything officers read, and change nothing.
    "Registry viewer": {"agencies": dict.fromkeys(LICENSING_OFFICER["agencies"], ("view",))},
}
