"""Records whose every text field tries to break out of the page."""

from django.contrib.auth.models import User

from claims import merging
from claims.comments import Comment
from claims.models import Citation, Claim, ClaimRelation, PossibleDuplicate, Speaker, Topic
from sources.models import Outlet, Source

SCRIPT = '<script>alert("xss")</script>'
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
# Right-to-left override and zero-width characters, which can disguise text.
RTL = "\u202egnp.exe\u202c\u200b\u200d"
HOSTILE = f"{SCRIPT}{IMG}{JS_URL} {RTL}"
# What must never reach a page unescaped.
RAW_MARKERS = ["<script>alert(", "<img src=x", 'href="javascript:']


def hostile_records() -> dict:
    outlet = Outlet.objects.create(name=f"Outlet {HOSTILE}", homepage="https://outlet.example/")
    source = Source.objects.create(
        title=f"Title {HOSTILE}",
        outlet=outlet,
        language="en",
        url="https://news.example/article?a=1&b=<2>",
        archive_url="https://archive.example/news",
        body=f"Before. The minister said {HOSTILE} today. After.",
        notes=f"Notes {HOSTILE}",
    )
    speaker = Speaker.objects.create(
        name=f"Speaker {HOSTILE}",
        description=f"Role {HOSTILE}",
        aliases=f"Alias {HOSTILE}",
    )
    topic = Topic.objects.create(name=f"Topic {HOSTILE}", slug="hostile-topic")
    claim = Claim.objects.create(
        speaker=speaker,
        text=f"Claim {HOSTILE}",
        language="en",
        translation=f"Translation {HOSTILE}",
        notes=f"Claim notes {HOSTILE}",
    )
    claim.topics.add(topic)
    citation = Citation.objects.create(
        claim=claim, source=source, quote=f"said {HOSTILE} today", locator=f"p. {HOSTILE}"
    )
    counter = Claim.objects.create(speaker=speaker, text=f"Counter {HOSTILE}", language="en")
    relation = ClaimRelation.objects.create(
        claim=claim, counter=counter, kind="denies", note=f"Note {HOSTILE}"
    )
    Comment.objects.create(
        author=User.objects.create(username="hostile-commenter"),
        claim=claim,
        text=f"Comment {HOSTILE} @hostile-merger",
    )
    # A pair to decide and a merge to look at, both of hostile records.
    # (Where commits run, saving the two claims may have found the pair already.)
    PossibleDuplicate.objects.update_or_create(
        kind="claims",
        first_id=claim.pk,
        second_id=counter.pk,
        defaults={"score": 0.5, "reason": HOSTILE[:200]},
    )
    twin = Speaker.objects.create(name=f"Twin {HOSTILE}", aliases=f"Other {HOSTILE}")
    merging.merge("speakers", speaker, twin, by=User.objects.create(username="hostile-merger"))
    return {
        "outlet": outlet,
        "source": source,
        "speaker": speaker,
        "topic": topic,
        "claim": claim,
        "citation": citation,
        "relation": relation,
    }
