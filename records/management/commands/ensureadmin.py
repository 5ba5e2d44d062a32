"""Make sure a local administrator exists; print its password only when it is created."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the local administrator 'admin' with a fresh random password, once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000/accounts/login/")

    def handle(self, *args, username: str, url: str, **options) -> None:
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Administrator '{username}' exists; its password was printed when it was "
                f"made. To set a new one: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username=username, email="", password=password)
        user.groups.add(Group.objects.get(name="Researchers"))
        self.stdout.write(
            self.style.SUCCESS(
                f"\n  Sign in at {url}\n  username: {username}\n  password: {password}\n"
                "  (shown once: note it now)\n"
            )
        )
