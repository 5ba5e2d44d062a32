from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration(seconds: int | None) -> str:
    """A time left in words a person reads at a glance: '45 s', '3 min 20 s', '2 h 5 min'."""
    if seconds is None:
        return ""
    seconds = max(int(seconds), 0)
    if seconds < 60:
        return _("{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        if seconds:
            return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=seconds)
        return _("{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if minutes:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    return _("{hours} h").format(hours=hours)
