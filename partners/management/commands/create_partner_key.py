from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from partners.models import Partner, PartnerAPIKey
from partners.scopes import SCOPES


class Command(BaseCommand):
    help = (
        "Create an API key for a partner (created if new) and print it once. "
        "Only a hash is stored: the key cannot be shown again."
    )

    def add_arguments(self, parser):
        parser.add_argument("partner", help="Partner organisation name.")
        parser.add_argument(
            "--scopes",
            default="",
            help=f"Comma-separated scopes: {', '.join(SCOPES)}.",
        )
        parser.add_argument("--name", default="", help="A label for the key (default: the date).")
        parser.add_argument("--expires-in-days", type=int, help="Days until the key expires.")

    def handle(self, *args, partner, scopes, name, expires_in_days, **options):
        wanted = [scope.strip() for scope in scopes.split(",") if scope.strip()]
        unknown = sorted(set(wanted) - set(SCOPES))
        if unknown:
            raise CommandError(f"Unknown scopes: {', '.join(unknown)}. Known: {', '.join(SCOPES)}.")
        if expires_in_days is not None and expires_in_days <= 0:
            raise CommandError("--expires-in-days must be a positive number.")
        expiry = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
        with transaction.atomic():
            organisation, _ = Partner.objects.get_or_create(name=partner.strip())
            api_key, key = PartnerAPIKey.objects.create_key(
                partner=organisation,
                name=name or f"{organisation.name} {timezone.localdate():%Y-%m-%d}",
                scopes=wanted,
                expiry_date=expiry,
            )
        self.stderr.write(
            f"Key {api_key.prefix} for {organisation.name}, scopes: {', '.join(wanted) or '-'}. "
            "Store it now; it is not shown again:"
        )
        self.stdout.write(key)
