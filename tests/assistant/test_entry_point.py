"""The rules are a pure function, importable and callable without Django or a database."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_suggest_runs_without_django_settings():
    script = (
        "import sys; from assistant.rules import suggest, KnownSpeaker\n"
        "found = suggest('Kessler said the contract was awarded in an open tender.',"
        " speakers=[KnownSpeaker(1, 'Ana Kessler', ('Kessler',))], outlets=['Reuters'],"
        " language='en')\n"
        "s = found[0]\n"
        "print(s.start, s.end, s.kind, s.speaker.name, s.speaker.mention, s.speaker.id,"
        " s.relays, s.denies, s.cue, s.confidence > 0, s.rule)\n"
        "assert 'django' not in sys.modules, 'the rules imported Django'\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    body = "Kessler said the contract was awarded in an open tender."
    start, end, kind, *speaker = result.stdout.split()[:7]
    assert (int(start), int(end), kind) == (0, len(body), "paraphrase")
    assert speaker == ["Ana", "Kessler", "Kessler", "1"]
