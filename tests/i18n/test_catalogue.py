"""The Indonesian catalogue holds every message the app says, and the committed .mo is
that catalogue compiled (so `make run` needs no gettext).

Both read the catalogue with gettext's own tools: the messages are extracted by the
project's `manage.py makemessages` (records/management/commands/makemessages.py) into a
copy of the catalogue in a temporary folder, exactly as a translator's update would.
"""

import gettext
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES"

if not shutil.which("msgfmt"):
    if os.environ.get("CLAIMTRAIL_REQUIRE_GETTEXT"):
        raise RuntimeError("gettext is not installed: apt-get install gettext")
    pytest.skip("gettext is not installed (apt-get install gettext)", allow_module_level=True)


def entries(po: Path, *flags: str) -> list[str]:
    """The msgids of `po` that msgattrib selects with `flags`, the header left out."""
    out = subprocess.run(
        ["msgattrib", "--no-obsolete", "--no-wrap", *flags, str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ids = [line for line in out.splitlines() if line.startswith("msgid ")]
    return [line for line in ids if line != 'msgid ""']


# What makemessages reads: the apps, the templates, the settings.
SOURCES = ["config", "records", "sources", "claims", "exchange", "assistant", "templates"]


@pytest.fixture
def extracted(tmp_path, settings, monkeypatch) -> Path:
    """A copy of the catalogue after makemessages has merged into it what the code says
    today. makemessages writes beside the files it reads, so it reads a copy of them: the
    repository's catalogue is never touched."""
    base = Path(settings.BASE_DIR)
    for name in SOURCES:
        shutil.copytree(base / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    folder = tmp_path / "locale" / "id" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(CATALOGUE / "django.po", folder / "django.po")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["id"], no_obsolete=True, verbosity=0)
    return folder / "django.po"


def test_every_message_makemessages_extracts_is_translated_and_none_is_fuzzy(extracted):
    assert len(entries(extracted)) > 900
    untranslated = entries(extracted, "--untranslated")
    fuzzy = entries(extracted, "--only-fuzzy")
    assert not untranslated, "Not translated in locale/id (makemessages, then translate):\n" + (
        "\n".join(untranslated)
    )
    assert not fuzzy, "Fuzzy in locale/id (check the translation, drop the flag):\n" + (
        "\n".join(fuzzy)
    )


def test_the_committed_catalogue_already_has_every_message(extracted):
    """Nothing new appears when makemessages runs: the .po in the repository is current."""
    assert entries(extracted) == entries(CATALOGUE / "django.po")


def test_the_committed_mo_is_the_po_compiled(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(CATALOGUE / "django.po")], check=True
    )
    with open(compiled, "rb") as fresh, open(CATALOGUE / "django.mo", "rb") as committed:
        want = gettext.GNUTranslations(fresh)._catalog
        have = gettext.GNUTranslations(committed)._catalog
    assert have == want, "locale/id/LC_MESSAGES/django.mo is stale: manage.py compilemessages"


def test_a_missing_translation_is_caught(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Claims"\nmsgstr "Klaim"\n\nmsgid "Sources"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Speakers"\nmsgstr "Pembicara"\n'
    )
    assert entries(po, "--untranslated") == ['msgid "Sources"']
    assert entries(po, "--only-fuzzy") == ['msgid "Speakers"']
