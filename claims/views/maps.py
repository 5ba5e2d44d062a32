"""Dispute maps (a topic's, a claim's connected dispute, a source's) and speaker
timelines: server-drawn SVG and plain HTML, each a page and an htmx fragment."""

import resvg_py
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from claims.dispute_map import EDGE_COLOURS, MapClaim, MapRelation, layout
from claims.models import Claim, ClaimRelation, Speaker, Topic
from sources.models import Source

# A map wider than this stops being readable; it says how many it shows.
MAX_CLAIMS = 60
MAP_TEMPLATE = "claims/maps/dispute_map.html"
# A PNG at twice the drawing's size stays sharp on a slide or in a printed report.
PNG_ZOOM = 2


def svg_to_png(drawing: str) -> bytes:
    """The map as a picture, drawn by resvg with the fonts installed on the machine (a
    Chinese map needs a CJK font there: README, "Dispute map")."""
    return bytes(resvg_py.svg_to_bytes(svg_string=drawing, zoom=PNG_ZOOM))


def _relations_touching(ids: set[int]) -> list[ClaimRelation]:
    return list(
        ClaimRelation.objects.filter(Q(claim__in=ids) | Q(counter__in=ids))
        .select_related("claim__speaker", "counter__speaker")
        .order_by("pk")
    )


def _graph(seed: list[Claim]) -> tuple[list[Claim], list[ClaimRelation], bool]:
    """The seed claims, the relations touching them and the claims at their other ends."""
    claims = {claim.pk: claim for claim in seed[:MAX_CLAIMS]}
    relations = _relations_touching(set(claims))
    for relation in relations:
        for claim in (relation.claim, relation.counter):
            if len(claims) < MAX_CLAIMS:
                claims.setdefault(claim.pk, claim)
    kept = [r for r in relations if r.claim_id in claims and r.counter_id in claims]
    return list(claims.values()), kept, len(seed) > MAX_CLAIMS


def _component(claim: Claim) -> tuple[list[Claim], list[ClaimRelation], bool]:
    """Every claim reachable from `claim` through relations, up to MAX_CLAIMS: one query
    per step outwards."""
    claims = {claim.pk: claim}
    relations: dict[int, ClaimRelation] = {}
    frontier = {claim.pk}
    truncated = False
    while frontier:
        found = _relations_touching(frontier)
        frontier = set()
        for relation in found:
            relations[relation.pk] = relation
            for side in (relation.claim, relation.counter):
                if side.pk in claims:
                    continue
                if len(claims) >= MAX_CLAIMS:
                    truncated = True
                    continue
                claims[side.pk] = side
                frontier.add(side.pk)
    kept = [r for r in relations.values() if r.claim_id in claims and r.counter_id in claims]
    return list(claims.values()), sorted(kept, key=lambda r: r.pk), truncated


def _map_context(
    title: str,
    claims: list[Claim],
    relations: list[ClaimRelation],
    *,
    truncated: bool,
    back_url: str,
    download_url: str,
) -> dict:
    ordered = sorted(claims, key=lambda c: (c.stated_on is None, c.stated_on or 0, c.pk))
    nodes = [
        MapClaim(
            id=c.pk,
            speaker_id=c.speaker_id,
            speaker=c.speaker.name,
            text=c.text,
            url=c.get_absolute_url(),
            date=c.stated_on.isoformat() if c.stated_on else "",
        )
        for c in ordered
    ]
    edges = [MapRelation(r.claim_id, r.counter_id, r.kind, r.get_kind_display()) for r in relations]
    return {
        "title": title,
        "wide": layout(nodes, edges, columns=2, width=960),
        "narrow": layout(nodes, edges, columns=1, width=420),
        "colours": sorted(EDGE_COLOURS.items()),
        "claim_count": len(nodes),
        "truncated": truncated,
        "back_url": back_url,
        "download_url": download_url,
        # Each map.svg route has its map.png beside it (claims/urls.py).
        "png_url": download_url.removesuffix(".svg") + ".png",
    }


def _map_response(
    request: HttpRequest, context: dict, *, svg: bool, filename: str, png: bool = False
) -> HttpResponse:
    if svg:
        drawing = render_to_string(
            "claims/maps/dispute_map.svg",
            {**context, "map": context["wide"], "svg_id": "map"},
            request=request,
        )
        if png:
            response = HttpResponse(svg_to_png(drawing), content_type="image/png")
        else:
            response = HttpResponse(drawing, content_type="image/svg+xml; charset=utf-8")
        extension = "png" if png else "svg"
        response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
        return response
    template = f"{MAP_TEMPLATE}#dispute-map" if request.htmx else MAP_TEMPLATE
    return render(request, template, context)


def _topic_context(slug: str) -> tuple[dict, str]:
    topic = get_object_or_404(Topic, slug=slug)
    seed = list(
        Claim.objects.filter(topics=topic)
        .select_related("speaker")
        .order_by("pk")[: MAX_CLAIMS + 1]
    )
    claims, relations, truncated = _graph(seed)
    context = _map_context(
        topic.name,
        claims,
        relations,
        truncated=truncated,
        back_url=topic.get_absolute_url(),
        download_url=reverse("claims:topic-map-svg", args=[topic.slug]),
    )
    return context, f"dispute-map-{slugify(topic.name) or 'topic'}"


def _claim_context(pk: int) -> tuple[dict, str]:
    claim = get_object_or_404(Claim.objects.select_related("speaker"), pk=pk)
    claims, relations, truncated = _component(claim)
    context = _map_context(
        _("the dispute around claim #{pk} by {name}").format(pk=claim.pk, name=claim.speaker.name),
        claims,
        relations,
        truncated=truncated,
        back_url=claim.get_absolute_url(),
        download_url=reverse("claims:claim-map-svg", args=[claim.pk]),
    )
    return context, f"dispute-map-claim-{claim.pk}"


def _source_context(pk: int) -> tuple[dict, str]:
    source = get_object_or_404(Source, pk=pk)
    seed = list(
        Claim.objects.filter(citations__source=source)
        .select_related("speaker")
        .distinct()
        .order_by("pk")[: MAX_CLAIMS + 1]
    )
    claims, relations, truncated = _graph(seed)
    context = _map_context(
        source.title,
        claims,
        relations,
        truncated=truncated,
        back_url=source.get_absolute_url(),
        download_url=reverse("claims:source-map-svg", args=[source.pk]),
    )
    return context, f"dispute-map-source-{source.pk}"


@require_GET
@vary_on_headers("HX-Request")
def topic_map(request: HttpRequest, slug: str) -> HttpResponse:
    context, filename = _topic_context(slug)
    return _map_response(request, context, svg=False, filename=filename)


@require_GET
def topic_map_svg(request: HttpRequest, slug: str, png: bool = False) -> HttpResponse:
    context, filename = _topic_context(slug)
    return _map_response(request, context, svg=True, filename=filename, png=png)


@require_GET
@vary_on_headers("HX-Request")
def claim_map(request: HttpRequest, pk: int) -> HttpResponse:
    context, filename = _claim_context(pk)
    return _map_response(request, context, svg=False, filename=filename)


@require_GET
def claim_map_svg(request: HttpRequest, pk: int, png: bool = False) -> HttpResponse:
    context, filename = _claim_context(pk)
    return _map_response(request, context, svg=True, filename=filename, png=png)


@require_GET
@vary_on_headers("HX-Request")
def source_map(request: HttpRequest, pk: int) -> HttpResponse:
    context, filename = _source_context(pk)
    return _map_response(request, context, svg=False, filename=filename)


@require_GET
def source_map_svg(request: HttpRequest, pk: int, png: bool = False) -> HttpResponse:
    context, filename = _source_context(pk)
    return _map_response(request, context, svg=True, filename=filename, png=png)


@require_GET
@vary_on_headers("HX-Request")
def speaker_timeline(request: HttpRequest, pk: int) -> HttpResponse:
    """Their claims by date, each with what it does and the role they held that day, and
    the possible self-contradictions of their voice (`Speaker.timeline`)."""
    speaker = get_object_or_404(Speaker, pk=pk)
    return render_timeline(request, speaker)


def render_timeline(request: HttpRequest, speaker: Speaker, **context) -> HttpResponse:
    """The timeline page, or for htmx its fragment: also the answer to a researcher's
    confirming or dismissing a contradiction."""
    template = "claims/maps/speaker_timeline.html"
    if request.htmx:
        template += "#speaker-timeline"
    timeline = speaker.timeline()
    return render(request, template, {"speaker": speaker, "timeline": timeline, **context})
