"""The staff groups of applications, declared as data.

`portal.staff_groups` creates them after every `migrate` with exactly these
permissions: ``{group: {app label: {model: (actions, ...)}}}``. A recruiter also
needs a `Recruiter` membership (one agency or authority, set by administrators),
which limits them to their own organisation's applications; the group alone shows
nothing. Both groups see personal data, so both need a second factor
(`accounts.mfa`, through `ApplicationsConfig.personal_data_permissions`).
"""

GROUPS = {
    # Recruiters work in the cabinet (/<lang>/recruiter/), never in the admin.
    "Recruiter": {
        "applications": {"application": ("view", "change")},
    },
    # Licensing officers (and auditors) read the figures per agency and
    # destination: counts only, no applicant.
    "Recruitment statistics reader": {
        "applications": {"application": ("view_statistics",)},
    },
}
