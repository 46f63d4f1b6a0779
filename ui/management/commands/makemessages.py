"""Django's `makemessages`, reading the Jinja2 templates too (`ui.messages`)."""

import os

from django.core.management.commands import makemessages

from ui.messages import python_source

JINJA_EXTENSION = ".jinja"


class BuildFile(makemessages.BuildFile):
    def preprocess(self):
        if os.path.splitext(self.path)[1] != JINJA_EXTENSION or self.domain != "django":
            return super().preprocess()
        with open(self.path, encoding="utf-8") as source:
            content = python_source(source.read())
        with open(self.work_path, "w", encoding="utf-8") as work:
            work.write(content)
        return None


class Command(makemessages.Command):
    build_file_class = BuildFile

    def handle(self, *args, **options):
        if options["domain"] == "django" and not options["extensions"]:
            options["extensions"] = ["html", "txt", "py", JINJA_EXTENSION.lstrip(".")]
        return super().handle(*args, **options)
