"""Discussion: comments on a claim or a source, `@username` mentions that notify exactly the
users named, and their notifications. A comment's edits and its deletion are in history."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from records import languages
from records.links import record_url
from records.models import Record
from sources.models import Source

# "@rita" or "@dewi.s" where a word starts: not inside an address ("rita@example.org"),
# and no trailing full stop ("ask @rita." names rita).
MENTION = re.compile(r"(?<![\w@.+-])@([\w.+-]*[\w+-])")
MAX_LENGTH = 5000


def mentioned_usernames(text: str) -> set[str]:
    return set(MENTION.findall(text))


class Comment(Record):
    """One researcher's remark on a claim or a source."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="comments",
        verbose_name=_("author"),
    )
    claim = models.ForeignKey(
        "claims.Claim",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("claim"),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("source"),
    )
    text = models.TextField(max_length=MAX_LENGTH, verbose_name=_("text"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(claim__isnull=True) ^ models.Q(source__isnull=True),
                name="comment_on_one_record",
                violation_error_message=_("A comment is on a claim or on a source."),
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="comment_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"

    @property
    def subject(self):
        return self.claim if self.claim_id else self.source

    def get_absolute_url(self) -> str:
        if self.claim_id:
            return record_url("claims:claim-detail", self.claim_id) + f"#comment-{self.pk}"
        return record_url("sources:source-detail", self.source_id) + f"#comment-{self.pk}"

    @transaction.atomic
    def notify_mentioned(self, *, already: set[str] = frozenset()) -> list["Notification"]:
        """Notify the active users this comment names (`@username`), but its author and
        those `already` named by an earlier version of it; mail those with an address."""
        names = mentioned_usernames(self.text) - set(already)
        users = (
            get_user_model()
            .objects.filter(username__in=names, is_active=True)
            .exclude(pk=self.author_id)
        )
        made = [Notification.objects.create(recipient=user, comment=self) for user in users]
        for notification in made:
            if notification.recipient.email:
                transaction.on_commit(notification.send_mail, robust=True)
        return made


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A user named in a comment."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox")
        ]

    def __str__(self) -> str:
        return f"{self.recipient} named by {self.comment.author}"

    def send_mail(self) -> None:
        """Mail the recipient in their own language, not the one of who named them."""
        comment = self.comment
        with languages.written_in(UserLanguage.of(self.recipient)):
            subject = gettext("{author} mentioned you on Claimtrail").format(author=comment.author)
        send_mail(
            subject=subject,
            message=f"{comment.text}\n\n{settings.CLAIMTRAIL_BASE_URL}{comment.get_absolute_url()}",
            from_email=None,
            recipient_list=[self.recipient.email],
        )


class UserLanguage(models.Model):
    """The interface language a user last chose with the switcher, or signed in with: what
    is mailed to them (a mention) is written in it, whoever sent it. Kept beside the only
    mail that needs it; one row a user, none until they first sign in or switch."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"

    @classmethod
    def of(cls, user) -> str:
        """The user's language, or "" when they never chose one."""
        return cls.objects.filter(user=user).values_list("language", flat=True).first() or ""

    @classmethod
    def remember(cls, user, language: str) -> None:
        if user.is_authenticated and language in dict(settings.LANGUAGES):
            cls.objects.update_or_create(user=user, defaults={"language": language})
