"""How django-axes names the account a sign-in tries (``AXES_USERNAME_CALLABLE``).

allauth passes the typed login as ``phone`` and ``username`` (and the admin's
old form as ``username``); a phone typed as ``90 123 45 67`` or
``+998901234567`` is one account, so axes counts it in E.164: changing how the
number is written does not start a fresh count.
"""

from accounts.phones import normalise_phone


def axes_username(request, credentials=None):
    values = []
    if credentials:
        values += [credentials.get(key) for key in ("phone", "username", "login", "email")]
    if request is not None:
        data = getattr(request, "POST", {})
        values += [data.get("login"), data.get("username")]
    for value in values:
        if value:
            value = str(value).strip()
            return normalise_phone(value) or value
    return None
