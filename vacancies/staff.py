"""The job board's staff group, declared as data.

`portal.staff_groups` creates it after every `migrate` with exactly these
permissions: ``{group: {app label: {model: (actions, ...)}}}``.
"""

GROUPS = {
    # Editors manage vacancies, country guides, occupations and exchange rates.
    # Which partners may publish for which recruiter (`Publisher`) is a security
    # decision left to administrators: editors only see it.
    "Content editor": {
        "vacancies": {
            "country": ("view", "add", "change"),
            "occupation": ("view", "add", "change"),
            "exchangerate": ("view", "add", "change"),
            "vacancy": ("view", "add", "change"),
            "vacancycost": ("view", "add", "change", "delete"),
            "publisher": ("view",),
        },
    },
}
