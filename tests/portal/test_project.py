"""Project-level guarantees: production settings, migrations, style, compose file."""

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def manage(*args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="portal.example.org",
        SMS_GATEWAY_URL="https://sms.example.org/v1/messages",
        SMS_GATEWAY_TOKEN=secrets.token_urlsafe(16),
        EMAIL_URL="smtp+tls://portal:secret@mail.example.org:587",
    )
    env.pop("SMS_BACKEND", None)
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "variable, warning",
    [
        ("SECRET_KEY", "security.W009"),
        ("SMS_GATEWAY_URL", "accounts.W001"),
        ("EMAIL_URL", "accounts.W003"),
    ],
)
def test_check_deploy_warns_without_each_production_setting(variable, warning):
    env = production_env()
    del env[variable]
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert warning in result.stderr + result.stdout


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_ruff_lint_and_format():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    lint = subprocess.run([ruff, "check", "."], cwd=BASE_DIR, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout
    style = subprocess.run(
        [ruff, "format", "--check", "."], cwd=BASE_DIR, capture_output=True, text=True
    )
    assert style.returncode == 0, style.stdout


def test_imports_follow_the_layers():
    """import-linter's contracts (pyproject.toml): no app imports one above it."""
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def compose_command():
    docker = shutil.which("docker")
    if (
        docker
        and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0
    ):
        return [docker, "compose"]
    if legacy := shutil.which("docker-compose"):
        return [legacy]
    return None


def test_docker_compose_file_is_valid():
    command = compose_command()
    if command is None:
        pytest.skip("needs `docker compose` or docker-compose (apt-get install docker-compose)")
    env = {**os.environ, "SECRET_KEY": "compose-config-check"}
    result = subprocess.run(
        [*command, "-f", "docker-compose.yml", "config", "--quiet"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    services = subprocess.run(
        [*command, "-f", "docker-compose.yml", "config", "--services"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.split()
    assert set(services) >= {"postgres", "redis", "web", "worker", "beat"}


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgresql_connections_do_without_jit():
    """JIT spent seconds compiling plans of millisecond page queries."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
