"""Every word of a template a user reads goes through the translation machinery."""

import pytest

from tests.i18n.template_text import template_files, unmarked


def texts(source: str) -> list[str]:
    return [piece.text.replace("\x02", "{{…}}") for piece in unmarked(source)]


def test_every_template_string_is_marked_for_translation():
    files = template_files()
    assert len(files) > 80  # the project's folder and the apps' are both read
    found = [
        f"{path.name}: {piece.attribute or 'text'} {piece.text!r}"
        for path in files
        for piece in unmarked(path.read_text())
    ]
    assert not found, "Unmarked (wrap in {% translate %} or {% blocktranslate %}):\n" + (
        "\n".join(found)
    )


@pytest.mark.parametrize(
    ("template", "caught"),
    [
        ("<p>Save claim</p>", ["Save claim"]),
        ('<input placeholder="Search (/)">', ["Search (/)"]),
        ('<a title="Your account" href="{% url \'home\' %}">x</a>', ["Your account", "x"]),
        ("<p>By {{ claim.speaker }}{% if late %}, late{% endif %}</p>", ["By {{…}}", ", late"]),
        ('{% include "field.html" with label="Speaker" %}', ["Speaker"]),
        ("{% block title %}Sources{% endblock %}", ["Sources"]),
        ("<p>&larr; Back</p>", ["← Back"]),
        (
            '<div data-text-gone="That record no longer exists."></div>',
            ["That record no longer exists."],
        ),
    ],
)
def test_an_unmarked_string_is_caught(template, caught):
    assert [t.replace("&larr;", "←") for t in texts(template)] == caught


@pytest.mark.parametrize(
    "template",
    [
        '{% load i18n %}<p>{% translate "Save claim" %}</p>',
        '<input placeholder="{% translate "Search (/)" %}">',
        "<p>{% blocktranslate with name=claim.speaker %}By {{ name }}{% endblocktranslate %}</p>",
        '{% include "field.html" with label=_("Speaker") %}',
        "<p>{{ claim.text }} · {{ claim.pk }} → 42 %</p>",
        '<a class="brand" href="/">Claimtrail</a>',
        "{% comment %}Notes for whoever edits this.{% endcomment %}<!-- a note -->",
        '<script src="x.js"></script><div data-action="accept" class="claim-row"></div>',
    ],
)
def test_marked_strings_symbols_names_and_markup_pass(template):
    assert texts(template) == []
