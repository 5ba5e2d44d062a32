"""The layout of a dispute map: claims as boxes grouped by speaker, relations as labelled
arrows from the answering claim to the claim it answers.

Pure geometry, no database and no markup: the template draws what `layout` returns, so
every piece of user text reaches the SVG through Django's autoescaping. Two shapes: one
column for phones (readable at 375 px without zooming) and two columns for wide screens;
the arrows between boxes of one column bend out into a margin kept free for them.
"""

import textwrap
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
CHAR_WIDTH = 7.4  # a generous average glyph at FONT_SIZE, to wrap text without measuring it
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


def _wrap(text: str, width: float) -> list[str]:
    chars = max(12, int(width / CHAR_WIDTH))
    lines = textwrap.wrap(" ".join(text.split()), chars) or [""]
    if len(lines) > MAX_LINES:
        lines = [
            *lines[: MAX_LINES - 1],
            textwrap.shorten(" ".join(lines[MAX_LINES - 1 :]), chars - 1, placeholder="…"),
        ]
    return lines


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
    return Layout(width, max(heights) + PAD, groups, edges)
