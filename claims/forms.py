"""Forms of the claim page: click-to-edit fields, citations and counter-claims."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.anchoring import CONTEXT_LENGTH
from claims.derived import chain_label
from claims.models import (
    Citation,
    Claim,
    ClaimRelation,
    DismissedContradiction,
    Hop,
    Speaker,
    Topic,
)
from claims.stance import in_order, one_voice
from records.forms import VersionedModelForm
from sources.models import Source

# The claim fields a researcher edits in place on the claim page, in page order.
EDITABLE_FIELDS = (
    "speaker",
    "text",
    "language",
    "translation",
    "kind",
    "stated_on",
    "joint_speakers",
    "topics",
    "notes",
    "pinned_citation",
    "assignee",
    "due_on",
)


HOP_SEPARATORS = re.compile(r"\s*(?:←|<-|;)\s*")
MAX_HOPS = 10


class TypedRecordsField(forms.CharField):
    """Records typed by name. The typed text is checked as any text is first (no NUL
    characters, its length), and only then looked up: a name the database cannot hold is
    refused with a message, never sent to a query."""

    def clean(self, value):
        return self.resolve(super().clean(value))

    def resolve(self, text: str) -> list:
        raise NotImplementedError


def hops_line(hops) -> str:
    """Hops as a researcher types them in a HopsField, nearest first (`chain_label`'s
    separator, which HOP_SEPARATORS reads back)."""
    return chain_label(hop.name for hop in hops)


class HopsField(TypedRecordsField):
    """Who the words came through, nearest first, typed as one line: "Reuters ← Russian
    Ministry of Defence (Telegram)". Each name becomes a hop (`Hop.named`: an outlet we
    know by that name is linked)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", gettext_lazy("Relayed through (optional)"))
        kwargs.setdefault(
            "help_text",
            gettext_lazy(
                "If this source got the words from others (“citing Reuters”), name them, "
                "nearest first, separated by ← or ;: “Reuters ← Russian Ministry of Defence "
                "(Telegram)”."
            ),
        )
        kwargs.setdefault("max_length", 2000)
        super().__init__(**kwargs)

    def resolve(self, text: str) -> list[Hop]:
        names = [name for name in HOP_SEPARATORS.split(text) if name]
        if len(names) > MAX_HOPS:
            raise ValidationError(
                _("At most {MAX_HOPS} hops: the chain is longer than any we keep.").format(
                    MAX_HOPS=MAX_HOPS
                )
            )
        limit = Hop._meta.get_field("name").max_length
        if too_long := [name for name in names if len(name) > limit]:
            raise ValidationError(
                _("“{too_long}…” is longer than {limit} characters.").format(
                    too_long=too_long[0][:40], limit=limit
                )
            )
        return [Hop.named(name) for name in names]


def resolve_typed(data, name: str, records):
    """Without JavaScript a picker posts only the words typed in it (`{name}_search`), not
    the chosen id: take those words when they name exactly one record."""
    typed = data.get(f"{name}_search", "").strip() if data is not None else ""
    if not typed or data.get(name):
        return data
    matches = list(records.search(typed).values_list("pk", flat=True)[:2])
    if len(matches) != 1:
        return data
    data = data.copy()
    data[name] = matches[0]
    return data


class SpeakerNamesField(TypedRecordsField):
    """Speakers typed by name, one a line: each must name exactly one speaker we know
    (`Speaker.objects.named`)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(getattr(speaker, "name", str(speaker)) for speaker in value)
        return value

    def resolve(self, text: str) -> list[Speaker]:
        speakers = []
        for name in (line.strip() for line in text.splitlines()):
            if not name:
                continue
            named = Speaker.objects.named(name)[:2]
            if len(named) != 1:
                raise ValidationError(
                    (
                        _(
                            "More than one speaker is named “{name}”: create the speaker first, or give the name exactly as it stands on the speaker's page."
                        )
                        if named
                        else _(
                            "No speaker is named “{name}”: create the speaker first, or give the name exactly as it stands on the speaker's page."
                        )
                    ).format(name=name[:80])
                )
            speakers.append(named[0])
        return speakers


class ClaimForm(VersionedModelForm):
    """A claim's fields; `only=` narrows it to the one field being edited in place."""

    joint_speakers = SpeakerNamesField(
        required=False,
        label=gettext_lazy("Joint speakers"),
        help_text=gettext_lazy("Others who made the statement with the speaker, one name a line."),
    )

    class Meta:
        model = Claim
        fields = list(EDITABLE_FIELDS)
        widgets = {
            # The speaker is picked with the combobox, which renders its own visible input.
            "speaker": forms.HiddenInput,
            "text": forms.Textarea(attrs={"rows": 4}),
            "translation": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "stated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "topics": forms.CheckboxSelectMultiple,
        }
        labels = {
            "stated_on": gettext_lazy("Date stated"),
            "kind": gettext_lazy("Kind"),
            "pinned_citation": gettext_lazy("Shown and exported with"),
            "text": gettext_lazy("Text"),
            "language": gettext_lazy("Language"),
            "translation": gettext_lazy("Translation"),
            "topics": gettext_lazy("Topics"),
            "notes": gettext_lazy("Notes"),
            "assignee": gettext_lazy("Assignee"),
        }

    def __init__(self, *args, only: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if only is not None:
            for name in [name for name in self.fields if name not in (only, "version")]:
                del self.fields[name]
        if "pinned_citation" in self.fields:
            pinned = self.fields["pinned_citation"]
            pinned.queryset = Citation.objects.filter(claim=self.instance.pk).select_related(
                "source__outlet"
            )
            pinned.empty_label = _("The default: the earliest appearance whose quote verified")
            pinned.label_from_instance = lambda citation: (
                f"{citation.source.outlet.name}: “{citation.quote[:80]}”"
            )
        if "speaker" in self.fields:
            self.data = resolve_typed(self.data, self.add_prefix("speaker"), Speaker.objects)
        if "speaker" in self.fields:
            self.fields["speaker"].error_messages.update(
                required=_("Choose a speaker."),
                invalid_choice=_("Choose a speaker from the suggestions."),
            )

    @property
    def selected_speaker(self):
        """The speaker to show in the picker: the one posted, else the claim's own."""
        if self.is_bound:
            try:
                return self.fields["speaker"].clean(self.data.get(self.add_prefix("speaker")))
            except forms.ValidationError:
                return None
        return self.instance.speaker if self.instance.speaker_id else None


class NewClaimForm(ClaimForm):
    """A new claim written in place, as the other side of a counter-claim pair."""

    # Optional as a whole (an existing claim may be chosen instead), so the browser must
    # not insist on its fields; the server checks them when they are used.
    use_required_attribute = False

    class Meta(ClaimForm.Meta):
        fields = ["speaker", "text", "language", "kind", "stated_on", "translation"]


def exact_context(body: str, quote: str, prefix: str, suffix: str) -> tuple[str, str]:
    """The context a researcher typed ("a few words just before") as the exact text
    around the one occurrence of `quote` it points to, spaces and all.

    Anchoring compares context character by character; people type words. When the words
    do not single out one exact occurrence, they are passed on as typed.
    """
    words_before, words_after = prefix.strip(), suffix.strip()
    if not body or not (words_before or words_after):
        return prefix, suffix
    matches, start = [], body.find(quote)
    while start != -1:
        end = start + len(quote)
        if body[:start].rstrip().endswith(words_before) and body[end:].lstrip().startswith(
            words_after
        ):
            matches.append((start, end))
        start = body.find(quote, start + 1)
    if len(matches) != 1:
        return prefix, suffix
    start, end = matches[0]
    return body[max(0, start - CONTEXT_LENGTH) : start], body[end : end + CONTEXT_LENGTH]


class CitationForm(VersionedModelForm):
    """Where a claim appears. The quote is anchored in the source's text on validation:
    words that occur several times ask for context; words not found are saved, flagged.

    Editing a citation (a saved instance) keeps its source; its relay chain is typed again
    as one line, and replaced only when the names in it change, so that the words kept
    for each hop (the claim page's wording comparison) stay with it."""

    relays = HopsField()

    class Meta:
        model = Citation
        fields = ["source", "quote", "locator", "via", "anchor_prefix", "anchor_suffix"]
        widgets = {
            "source": forms.HiddenInput,
            "quote": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "via": gettext_lazy("Relays (via)"),
            "anchor_prefix": gettext_lazy("Words just before the quote"),
            "anchor_suffix": gettext_lazy("Words just after the quote"),
            "quote": gettext_lazy("Quote"),
            "locator": gettext_lazy("Locator"),
        }

    def __init__(self, *args, claim: Claim, **kwargs):
        kwargs.setdefault("instance", Citation(claim=claim))
        super().__init__(*args, **kwargs)
        self.claim = claim
        self.data = resolve_typed(self.data, "source", Source.objects)
        self.fields["source"].queryset = Source.objects.select_related("outlet")
        self.fields["source"].error_messages.update(
            required=_("Choose a source."),
            invalid_choice=_("Choose a source from the suggestions."),
        )
        # `via` can only be another citation of this same claim.
        self.fields["via"].queryset = (
            Citation.objects.filter(claim=claim)
            .exclude(pk=self.instance.pk)
            .select_related("source__outlet")
        )
        self.fields["via"].label_from_instance = lambda citation: (
            f"{citation.source.outlet.name}: {citation.source.title}"
        )
        self.fields["via"].empty_label = "Nobody: this source is the original"
        # Context is matched character for character, spaces included.
        self.fields["anchor_prefix"].strip = False
        self.fields["anchor_suffix"].strip = False
        if self.instance.pk:
            del self.fields["source"]
            self.fields["relays"].initial = hops_line(self.instance.hops.order_by("position"))

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source", self.instance.source if self.instance.pk else None)
        if source is not None and cleaned.get("quote"):
            cleaned["anchor_prefix"], cleaned["anchor_suffix"] = exact_context(
                source.body,
                cleaned["quote"],
                cleaned.get("anchor_prefix", ""),
                cleaned.get("anchor_suffix", ""),
            )
        return cleaned

    def _get_validation_exclusions(self):
        # The claim is not a field of the form, but a passage is cited once per claim: let
        # the model check that too (Citation.clean), instead of meeting it in the database.
        return super()._get_validation_exclusions() - {"claim"}

    @transaction.atomic
    def save(self, commit: bool = True):
        editing = self.instance.pk is not None
        citation = super().save(commit=commit)
        relays = self.cleaned_data.get("relays") or []
        typed_again = editing and hops_line(citation.hops.order_by("position")) != hops_line(relays)
        if commit and (relays if not editing else typed_again):
            citation.set_hops(relays)
        return citation

    @property
    def selected_source(self) -> Source | None:
        """The source to show in the picker when the form is shown again."""
        if self.is_bound:
            try:
                return self.fields["source"].clean(self.data.get("source"))
            except forms.ValidationError:
                return None
        return self.instance.source if self.instance.source_id else None


class RelationForm(forms.Form):
    """Relate this claim to another, existing or written here and now."""

    THIS_IS_ANSWERED = "answered"
    THIS_ANSWERS = "answers"

    other = forms.ModelChoiceField(
        Claim.objects.select_related("speaker"),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": gettext_lazy("Choose a claim from the suggestions.")},
    )
    direction = forms.ChoiceField(
        choices=[
            (THIS_IS_ANSWERED, gettext_lazy("The other claim answers this one")),
            (THIS_ANSWERS, gettext_lazy("This claim answers the other one")),
        ],
        initial=THIS_IS_ANSWERED,
        widget=forms.RadioSelect,
        label=gettext_lazy("Direction"),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Relation"),
        choices=ClaimRelation.Kind.choices,
        initial=ClaimRelation.Kind.DENIES,
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=gettext_lazy("Why these two belong together, in a sentence."),
        label=gettext_lazy("Note"),
    )

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.claim = claim
        self.data = resolve_typed(self.data, "other", Claim.objects.exclude(pk=claim.pk))
        # Bound only when used, so an unused "new claim" part shows no errors.
        self.new_claim = NewClaimForm(
            self.data if self.writes_new_claim else None,
            prefix="new",
            initial={"language": claim.language},
        )

    @property
    def selected_other(self) -> Claim | None:
        if not self.is_bound:
            return None
        try:
            return self.fields["other"].clean(self.data.get("other"))
        except forms.ValidationError:
            return None

    @property
    def writes_new_claim(self) -> bool:
        return self.is_bound and not self.data.get("other") and bool(self.data.get("new-text"))

    def clean(self):
        cleaned = super().clean()
        other = cleaned.get("other")
        if other is None and "other" not in self.errors:
            if not self.writes_new_claim:
                raise forms.ValidationError(
                    _("Choose an existing claim, or write the other claim below.")
                )
            if not self.new_claim.is_valid():
                raise forms.ValidationError(_("The new claim is not complete: see below."))
            return cleaned
        if other is not None and cleaned.get("kind"):
            relation = self.build_relation(other)
            try:
                relation.validate_constraints()
            except forms.ValidationError as error:
                raise forms.ValidationError(error.messages) from error
        return cleaned

    def build_relation(self, other: Claim) -> ClaimRelation:
        claim, counter = self.claim, other
        if self.cleaned_data.get("direction") == self.THIS_ANSWERS:
            claim, counter = other, self.claim
        return ClaimRelation(
            claim=claim,
            counter=counter,
            kind=self.cleaned_data["kind"],
            note=self.cleaned_data.get("note", ""),
        )

    @transaction.atomic
    def save(self) -> ClaimRelation:
        other = self.cleaned_data.get("other") or self.new_claim.save()
        relation = self.build_relation(other)
        relation.full_clean()
        relation.save()
        return relation


class PairEditForm(VersionedModelForm):
    """A pair's kind and note, and which of the two answers the other."""

    swap = forms.BooleanField(
        required=False,
        label=gettext_lazy("Swap the two: the answering claim becomes the one answered"),
    )

    class Meta:
        model = ClaimRelation
        fields = ["kind", "note"]
        labels = {"kind": gettext_lazy("Relation"), "note": gettext_lazy("Note")}
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("swap"):
            self.instance.claim, self.instance.counter = self.instance.counter, self.instance.claim
        return cleaned


class HopWordsForm(VersionedModelForm):
    """A hop's own words and their language, so the claim page can set them beside the
    words of the step that relays them."""

    class Meta:
        model = Hop
        fields = ["quote", "language"]
        widgets = {"quote": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "quote": gettext_lazy("Its words"),
            "language": gettext_lazy("Language of these words"),
        }


class ContradictionForm(forms.Form):
    """A researcher's answer to a possible self-contradiction on a speaker's page: two
    claims of one voice (`claims.stance`), at least one the speaker's own or made for them,
    and, to confirm it, how the later answers the earlier."""

    KINDS = [
        (ClaimRelation.Kind.RETRACTS, gettext_lazy("The later retracts the earlier")),
        (ClaimRelation.Kind.DISPUTES, gettext_lazy("The later disputes the earlier")),
    ]

    first = forms.ModelChoiceField(
        Claim.objects.all(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": gettext_lazy("That claim is gone: reload the page.")},
    )
    second = forms.ModelChoiceField(
        Claim.objects.all(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": gettext_lazy("That claim is gone: reload the page.")},
    )
    kind = forms.ChoiceField(choices=KINDS, required=False, label=gettext_lazy("Kind"))

    def __init__(self, *args, speaker: Speaker, confirming: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.speaker, self.confirming = speaker, confirming
        self.fields["kind"].required = confirming

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("first"), cleaned.get("second")
        if first is None or second is None:
            return cleaned
        said = first.as_said(), second.as_said()
        if first.pk == second.pk or not one_voice(*said):
            raise forms.ValidationError(_("These two claims do not speak with one voice."))
        if self.speaker.pk not in {
            first.speaker_id,
            second.speaker_id,
            first.made_for_id,
            second.made_for_id,
        }:
            raise forms.ValidationError(
                _("Neither claim is {name}'s.").format(name=self.speaker.name)
            )
        if in_order(*said)[0].id != first.pk:
            cleaned["first"], cleaned["second"] = second, first
        if self.confirming and cleaned.get("kind"):
            relation = self.relation()
            try:
                relation.validate_constraints()
            except forms.ValidationError as error:
                raise forms.ValidationError(error.messages) from error
        return cleaned

    def relation(self) -> ClaimRelation:
        return ClaimRelation(
            claim=self.cleaned_data["first"],
            counter=self.cleaned_data["second"],
            kind=self.cleaned_data["kind"],
            note="A self-contradiction, confirmed from the speaker's page.",
        )

    @transaction.atomic
    def save(self, *, by):
        if not self.confirming:
            return DismissedContradiction.dismiss(
                self.cleaned_data["first"], self.cleaned_data["second"], by=by
            )
        relation = self.relation()
        relation.full_clean()
        relation.save()
        return relation


class TopicForm(VersionedModelForm):
    """A topic's name and description; its address (slug) stays as first made, so links to
    it keep working after a rename."""

    class Meta:
        model = Topic
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        labels = {
            "name": gettext_lazy("Name"),
            "description": gettext_lazy("Description"),
        }


class TopicDeleteForm(forms.Form):
    """Deleting a topic, optionally moving its claims to another first (a merge)."""

    move_to = forms.ModelChoiceField(
        Topic.objects.none(),
        required=False,
        label=gettext_lazy("First move its claims to"),
        empty_label=gettext_lazy("Nowhere: the claims just lose this topic"),
    )

    def __init__(self, *args, topic: Topic, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["move_to"].queryset = Topic.objects.exclude(pk=topic.pk)
