"""Django's makemessages, told once which folders hold no words of the app.

`manage.py makemessages -l id` then reads the apps and templates alone; the catalogue
test (tests/i18n/test_catalogue.py) runs the same command, so both extract the same
messages.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    # Not the app's words: the virtualenv, the tests, the bench, collected static files,
    # the runtime folder and the browser tests' npm packages.
    NOT_OURS = [".venv", "tests", "bench", "staticfiles", "var", "node_modules", "docs"]

    def handle(self, *args, **options):
        # The dispute map's SVG is a template too.
        options["extensions"] = [*(options.get("extensions") or ["html", "txt", "py"]), "svg"]
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *self.NOT_OURS]
        # Each message says which files use it, not which lines: lines move with every edit.
        options["add_location"] = options.get("add_location") or "file"
        return super().handle(*args, **options)
