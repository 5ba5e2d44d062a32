import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_debug_a_secret_key_is_required():
    result = run_manage("check")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_ensureadmin_prints_a_fresh_password_once_and_it_works():
    first = io.StringIO()
    call_command("ensureadmin", stdout=first)
    password = re.search(r"password: (\S+)", first.getvalue()).group(1)
    request = RequestFactory().post("/accounts/login/")
    assert authenticate(request, username="admin", password=password) is not None

    second = io.StringIO()
    call_command("ensureadmin", stdout=second)
    assert password not in second.getvalue()
    assert "exists" in second.getvalue()
