"""The layout of a dispute map: claims as boxes grouped by speaker, relations as labelled
arrows from the answering claim to the claim it answers.

Pure geometry, no database and no markup: the template draws what `layout` returns, so
every piece of user text reaches the SVG through Django's autoescaping. Two shapes: one
column for phones (readable at 375 px without zooming) and two columns for wide screens;
the arrows between boxes of one column bend out into a margin kept free for them.
"""

import unicodedata
from dataclasses import dataclass, field

# Colours by relation: denials and disputes warm, support cool, the rest neutral.
EDGE_COLOURS = {
    "denies": "#b3261e",
    "disputes": "#d2691e",
    "supports": "#1f5fa8",
    "qualifies": "#5b6573",
    "responds_to": "#5b6573",
    "restates": "#2e7d6b",
    "retracts": "#7a4fa0",
}
GROUP_FILL = "#f4f1ea"
NODE_FILL = "#ffffff"
INK = "#1d232b"

FONT_SIZE = 13
LINE_HEIGHT = 17
CHAR_WIDTH = 7.4  # a generous average Latin or Cyrillic glyph at FONT_SIZE
LABEL_SIZE = 12  # the arrows' labels
MAX_LINES = 4
PAD = 10
HEADER = 26
GAP = 10
ARC_MARGIN = 70  # room on the right of a column for arrows within it


@dataclass(frozen=True)
class MapClaim:
    id: int
    speaker_id: int
    speaker: str
    text: str
    url: str
    date: str = ""


@dataclass(frozen=True)
class MapRelation:
    claim_id: int  # the earlier statement
    counter_id: int  # the statement that answers it
    kind: str
    label: str


@dataclass
class Node:
    claim: MapClaim
    x: float
    y: float
    width: float
    height: float
    lines: list[str]

    @property
    def centre_y(self) -> float:
        return self.y + self.height / 2

    @property
    def text_x(self) -> float:
        return self.x + PAD

    @property
    def text_y(self) -> float:
        return self.y + LINE_HEIGHT

    @property
    def placed_lines(self) -> list[tuple[float, str]]:
        return [(self.text_y + LINE_HEIGHT * n, line) for n, line in enumerate(self.lines)]

    @property
    def date_y(self) -> float:
        return self.y + LINE_HEIGHT * (len(self.lines) + 1)


@dataclass
class Group:
    speaker: str
    x: float
    y: float
    width: float
    height: float
    nodes: list[Node] = field(default_factory=list)

    @property
    def label_x(self) -> float:
        return self.x + PAD

    @property
    def label_y(self) -> float:
        return self.y + HEADER - 8


@dataclass
class Edge:
    relation: MapRelation
    path: str
    label_x: float
    label_y: float
    colour: str
    answer: MapClaim
    answered: MapClaim


@dataclass
class Layout:
    width: float
    height: float
    groups: list[Group]
    edges: list[Edge]


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """How wide `text` is drawn at `size`, by script: a Han character, kana or other wide
    glyph is a full em, any other CHAR_WIDTH at FONT_SIZE (no font is measured: the
    browser's may differ, so this errs wide)."""
    narrow = CHAR_WIDTH * size / FONT_SIZE
    return sum(size if _wide(char) else narrow for char in text)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _pieces(text: str) -> list[tuple[str, bool]]:
    """(piece, whether a space goes before it): words, and each wide character on its own,
    since Chinese and Japanese may break between any two characters."""
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        run, first = "", True
        for char in word:
            if _wide(char):
                if run:
                    pieces.append((run, first))
                    run, first = "", False
                pieces.append((char, first))
                first = False
            else:
                run += char
        if run:
            pieces.append((run, first))
    return pieces


def _wrap(text: str, width: float) -> list[str]:
    """Lines of `text` no wider than `width` as `text_width` measures, at most MAX_LINES,
    the last one ending in "…" when there was more."""
    lines, line = [], ""
    for piece, spaced in _pieces(text):
        candidate = f"{line} {piece}" if line and spaced else line + piece
        if line and text_width(candidate) > width:
            lines.append(line)
            line = piece
        else:
            line = candidate
        while text_width(line) > width:  # one word wider than the box: cut it
            cut = _fitting(line, width)
            lines.append(line[:cut])
            line = line[cut:]
    if line or not lines:
        lines.append(line)
    if len(lines) > MAX_LINES:
        last = lines[MAX_LINES - 1]
        lines = [*lines[: MAX_LINES - 1], last[: _fitting(last, width - text_width("…"))] + "…"]
    return lines


def _fitting(text: str, width: float) -> int:
    """How many leading characters of `text` fit in `width` (at least one)."""
    used = 0.0
    for index, char in enumerate(text):
        used += text_width(char)
        if used > width:
            return max(1, index)
    return len(text)


def _place_labels(edges: list["Edge"], width: float) -> None:
    """Keep each arrow's label inside the map and off the labels placed before it."""
    placed: list[tuple[float, float, float]] = []
    for edge in edges:
        half = text_width(edge.relation.label, LABEL_SIZE) / 2 + 3
        edge.label_x = min(max(edge.label_x, half + 2), width - half - 2)
        while any(
            abs(edge.label_x - x) < half + other_half and abs(edge.label_y - y) < LABEL_SIZE + 3
            for x, y, other_half in placed
        ):
            edge.label_y += LABEL_SIZE + 3
        placed.append((edge.label_x, edge.label_y, half))


def layout(
    claims: list[MapClaim], relations: list[MapRelation], *, columns: int = 2, width: int = 960
) -> Layout:
    """Place the speakers' groups in `columns` columns (each group in the shortest
    column so far), their claims inside them, and route the relations between claims."""
    groups_by_speaker: dict[int, list[MapClaim]] = {}
    for claim in claims:
        groups_by_speaker.setdefault(claim.speaker_id, []).append(claim)

    column_width = (width - PAD) / columns
    group_width = column_width - PAD - ARC_MARGIN
    heights = [float(PAD)] * columns
    groups: list[Group] = []
    nodes: dict[int, Node] = {}
    for members in groups_by_speaker.values():
        column = heights.index(min(heights))
        x = PAD + column * column_width
        group = Group(members[0].speaker, x, heights[column], group_width, 0)
        y = group.y + HEADER
        for claim in members:
            lines = _wrap(claim.text, group_width - 4 * PAD)
            height = len(lines) * LINE_HEIGHT + (LINE_HEIGHT if claim.date else 0) + PAD
            node = Node(claim, x + PAD, y, group_width - 2 * PAD, height, lines)
            group.nodes.append(node)
            nodes[claim.id] = node
            y += height + GAP
        group.height = y - group.y
        heights[column] = y + GAP
        groups.append(group)

    edges = []
    within_column = 0
    for relation in relations:
        answer, answered = nodes.get(relation.counter_id), nodes.get(relation.claim_id)
        if answer is None or answered is None:
            continue
        colour = EDGE_COLOURS.get(relation.kind, INK)
        if abs(answer.x - answered.x) < 1:
            # Same column: bend out into the margin on the right, each arrow a bit further.
            within_column += 1
            side = answer.x + answer.width
            reach = side + PAD + 12 * within_column + 18
            path = (
                f"M{side:.0f},{answer.centre_y:.0f} "
                f"C{reach:.0f},{answer.centre_y:.0f} {reach:.0f},{answered.centre_y:.0f} "
                f"{side + 4:.0f},{answered.centre_y:.0f}"
            )
            label_x, label_y = reach - 6, (answer.centre_y + answered.centre_y) / 2
        else:
            left, right = sorted((answer, answered), key=lambda node: node.x)
            start_x = right.x if answer is right else left.x + left.width
            end_x = left.x + left.width + 4 if answer is right else right.x - 4
            middle = (start_x + end_x) / 2
            path = (
                f"M{start_x:.0f},{answer.centre_y:.0f} "
                f"C{middle:.0f},{answer.centre_y:.0f} {middle:.0f},{answered.centre_y:.0f} "
                f"{end_x:.0f},{answered.centre_y:.0f}"
            )
            label_x, label_y = middle, (answer.centre_y + answered.centre_y) / 2
        edges.append(Edge(relation, path, label_x, label_y, colour, answer.claim, answered.claim))
    _place_labels(edges, width)
    bottom = max([max(heights) + PAD, *(edge.label_y + LABEL_SIZE for edge in edges)])
    return Layout(width, bottom, groups, edges)
