"""API tokens: issued by an administrator, revoked by their owner or an administrator.

Only a hash of each token is kept (SHA-256: a token is 32 random bytes, so a slow hash adds
nothing); the token itself is shown once, when it is issued."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX = "ct_"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)

    def for_key(self, key: str) -> "ApiToken | None":
        """The active token `key` is, or None (a key that is not a token of ours at all
        is looked up like any other: its hash finds nothing)."""
        return self.active().select_related("user").filter(key_hash=digest(key)).first()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What it is for: “newsroom dashboard”.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters, to tell one's tokens apart in a list (not enough to use one).
    key_start = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.key_start}…)"

    def get_absolute_url(self) -> str:
        return f"/api/tokens/{self.pk}/"

    @classmethod
    def issue(cls, *, user, name: str, by=None) -> tuple["ApiToken", str]:
        """A new token for `user`, and its key: the only time the key is seen."""
        key = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, key_hash=digest(key), key_start=key[:10], created_by=by
        )
        return token, key

    def set_key(self) -> str:
        """Give an unsaved token (admin's add form) its key, returned once."""
        key = PREFIX + secrets.token_urlsafe(32)
        self.key_hash, self.key_start = digest(key), key[:10]
        return key

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
