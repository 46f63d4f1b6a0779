"""``manage.py process_bounce < message``: read one bounce from the mail server
(a pipe transport or alias for `EMAIL_BOUNCE_ADDRESS`, see README) and end the
subscriptions of the addresses it marks refused for good. Prints counts only:
addresses are personal data and stay out of the mail server's logs."""

import sys

from django.core.management.base import BaseCommand, CommandError

from alerts import bounces, services


class Command(BaseCommand):
    help = "End the e-mail alerts of addresses a bounce (RFC 3464 report) on stdin refuses."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="a file holding the message (default stdin)")

    def handle(self, *args, file=None, **options):
        if file:
            try:
                with open(file, "rb") as handle:
                    raw = handle.read()
            except OSError as error:
                raise CommandError(f"cannot read {file}: {error.strerror}") from error
        else:
            raw = sys.stdin.buffer.read()
        addresses = bounces.refused_for_good(raw)
        for address in addresses:
            services.email_bounced(address)
        self.stdout.write(
            f"{len(addresses)} address(es) refused for good: their alerts ended"
            if addresses
            else "no permanent failure reported: nothing changed"
        )
