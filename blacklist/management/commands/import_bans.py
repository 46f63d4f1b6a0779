from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_countries import countries

from blacklist.importing import import_rows, read_csv
from blacklist.models import BanSource


class Command(BaseCommand):
    help = (
        "Load a ban list CSV (UTF-8; columns external_id, surname, given_name, patronymic, "
        "date_of_birth, citizenship, document_number, ban_start, ban_end, basis; ISO dates, "
        "empty for unknown) into a source. Bad rows are reported and skipped; importing "
        "the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--source", required=True, help="Code of the ban source.")
        parser.add_argument("--country", help="Creates the source: ISO code of the country.")
        parser.add_argument("--name", help="Creates the source: its name (in English).")
        parser.add_argument(
            "--kind", default=BanSource.Kind.ENTRY_BAN, choices=BanSource.Kind.values
        )
        parser.add_argument(
            "--complete",
            action="store_true",
            help="The file is the whole list: records missing from it become inactive.",
        )

    def handle(self, *args, file, source, country, name, kind, complete, **options):
        ban_source = self._source(source, country, name, kind)
        try:
            with open(file, encoding="utf-8-sig", newline="") as csv_file:
                report = import_rows(
                    ban_source, read_csv(csv_file), first_line=2, complete=complete
                )
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        for error in report.errors:
            self.stderr.write(str(error))
        self.stdout.write(f"{ban_source.code}: {report}")

    def _source(self, code, country, name, kind):
        try:
            return BanSource.objects.get(code=code)
        except BanSource.DoesNotExist:
            pass
        if not (country and name):
            raise CommandError(f"No source {code!r}: give --country and --name to create it.")
        if country.upper() not in dict(countries):
            raise CommandError(f"Unknown country code {country!r}.")
        with transaction.atomic():
            return BanSource.objects.create(
                code=code, name=name, country=country.upper(), kind=kind
            )
