"""Events from the layers below, which must not import this app."""

from alerts import services

# Telling followers is for the changes that put a migrant at risk, and for the
# reinstatement that ends it.
TOLD = {"suspended", "revoked", "expired", "surrendered", "active", "destination_lost"}


def licence_changed(sender, licence, change, countries, key, reason="", **kwargs):
    if change == "active" and not licence.events.exclude(from_status="").exists():
        return  # a newly issued licence is no news to followers
    if change in TOLD:
        services.tell_followers(licence, change, countries, key, reason)
