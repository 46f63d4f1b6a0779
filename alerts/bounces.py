"""Bounces that come back as mail: a relay that first accepted an alert may find
days later that the address does not exist and send a delivery status
notification (RFC 3464) to the envelope sender. With `EMAIL_BOUNCE_ADDRESS` set,
alerts go out with that envelope sender, and the mail server pipes what arrives
there to ``manage.py process_bounce``; each recipient the report marks failed
for good (action "failed", status 5.x.x) ends its subscriptions, as a refusal at
sending time does (`alerts.services.email_bounced`). Delays (4.x.x) and anything
that is not such a report change nothing."""

from email import message_from_bytes, policy

REPORT = "message/delivery-status"


def refused_for_good(raw):
    """The addresses a delivery status report ``raw`` (bytes) says failed for good;
    an empty list for any other message, however malformed."""
    try:
        message = message_from_bytes(raw, policy=policy.compat32)
        parts = [part for part in message.walk() if part.get_content_type() == REPORT]
    except Exception:  # a message from outside: anything may be in it
        return []
    addresses = []
    for part in parts:
        blocks = part.get_payload()
        if not isinstance(blocks, list):
            continue
        for block in blocks[1:]:  # the first holds the per-message fields
            action = str(block.get("Action", "")).strip().lower()
            status = str(block.get("Status", "")).strip()
            kind, _sep, address = str(block.get("Final-Recipient", "")).partition(";")
            address = address.strip().strip("<>")
            if (
                action == "failed"
                and status.startswith("5.")
                and kind.strip().lower() == "rfc822"
                and "@" in address
            ):
                addresses.append(address)
    return addresses
