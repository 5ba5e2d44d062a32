"""Production settings pass Django's deployment checks, with only the four variables set."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def deploy_check(**env: str) -> subprocess.CompletedProcess:
    # A clean environment: DEBUG unset, nothing but what production is told.
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**overrides: str) -> dict[str, str]:
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "claimtrail.example",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:////tmp/claimtrail-deploy.db"),
        **overrides,
    }


def test_production_settings_pass_the_deployment_checks():
    result = deploy_check(**production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "warning"),
    [
        ({"SECRET_KEY": "short"}, "security.W009"),
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"SECURE_SSL_REDIRECT": "0"}, "security.W008"),
    ],
)
def test_the_check_does_fail_on_a_weakened_setting(override, warning):
    result = deploy_check(**production_env(**override))
    assert result.returncode != 0
    assert warning in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = deploy_check(**env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr
