"""What kind of relay hop a name is: the one rule for the reader, the assistant, the
import and the migration that turned placeholder sources into hops. Pure Python."""

from records.text import fold

OUTLET, VENUE, CHANNEL, DOCUMENT = "outlet", "venue", "channel", "document"

# Words that say what a name is, in the languages researchers write (folded).
VENUE_WORDS = {"conference", "briefing", "interview", "konferensi", "wawancara", "jumpa"}
CHANNEL_WORDS = {"telegram", "post", "account", "twitter", "weibo", "unggahan", "akun"}
DOCUMENT_WORDS = {"statement", "report", "filing", "pernyataan", "laporan", "siaran"}
# Outlet kinds (sources.Outlet.Kind) whose posts are a channel rather than an outlet's.
CHANNEL_OUTLETS = {"government", "social_account"}


def hop_kind(name: str, outlet_kind: str | None) -> str:
    """A known outlet's kind decides; else the words of the name ("Lavrov's news
    conference" is a venue, "the ministry's Telegram post" a channel)."""
    if outlet_kind is not None:
        return CHANNEL if outlet_kind in CHANNEL_OUTLETS else OUTLET
    words = set(fold(name).replace("'", " ").split())
    if words & VENUE_WORDS:
        return VENUE
    if words & CHANNEL_WORDS:
        return CHANNEL
    if words & DOCUMENT_WORDS:
        return DOCUMENT
    return OUTLET
