"""Generate a newsroom's worth of data in PostgreSQL with set-based SQL.

Speakers in four languages with their namesakes and transliterated aliases; outlets
(newspapers, wire agencies, government channels); sources whose bodies hold the quotes
they carry; claims built from parallel sentence templates (so translations are real
translations); citations anchored in those bodies, relayed newspaper ← wire agency ←
official statement; relations between claims; topics.

Every row goes in with one INSERT … SELECT per table. Triggers are off while it runs
(`session_replication_role = replica`, which needs a superuser, as the local server's
`postgres` is): the search columns are filled by the very functions the triggers call,
once per row, instead of once per row *and* once per citation.
"""

import math
import random
import time

import psycopg

from bench import corpus
from claims.derived import attribution_chains
from claims.matching import speaker_search_text

SIZES = {
    "full": {"speakers": 50_000, "sources": 100_000, "claims": 500_000, "relations": 1_000_000},
    "small": {"speakers": 2_500, "sources": 5_000, "claims": 25_000, "relations": 50_000},
}
# Sources whose body is a long article (about 20 000 words) with about 200 cited quotes:
# the reader view's worst case.
LONG_SOURCES = 20
QUOTES_PER_LONG_SOURCE = 200
SEED = 0.42


def log(message: str) -> None:
    print(f"  {time.strftime('%H:%M:%S')} {message}", flush=True)


def columns(rows: list[tuple]) -> list[list[str]]:
    """Parallel (id, en, ru, zh) tuples as a [language][word] array."""
    return [list(column) for column in zip(*rows, strict=True)]


def generate(dsn: str, size: str) -> dict[str, int]:
    counts = SIZES[size]
    with psycopg.connect(dsn) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("SET work_mem = '256MB'")
        conn.execute("SELECT setseed(%s)", [SEED])
        _words(conn)
        step("outlets and topics", conn, _outlets_and_topics)
        step("speakers", conn, _speakers, counts["speakers"])
        step("claims (staged)", conn, _stage_claims, counts["claims"], counts["speakers"])
        step("citations (staged)", conn, _stage_citations, counts["claims"], counts["sources"])
        step("sources with bodies", conn, _sources, counts["sources"])
        step("citations", conn, _citations)
        step("claims", conn, _claims)
        step("topics of claims", conn, _claim_topics)
        step("relations", conn, _relations, counts["claims"], counts["relations"])
        step("attribution chains", conn, _attribution_chains)
        _reset_sequences(conn)
        conn.execute("SET session_replication_role = origin")
        conn.commit()
    with psycopg.connect(dsn, autocommit=True) as conn:
        started = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        log(f"vacuum analyze: {time.perf_counter() - started:.1f} s")
        # After ANALYZE: without statistics the planner scans the citations once a claim.
        started = time.perf_counter()
        _representatives()
        conn.execute("VACUUM ANALYZE claims_claim")
        log(f"representative citations: {time.perf_counter() - started:.1f} s")
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in [
                "claims_speaker",
                "sources_source",
                "claims_claim",
                "claims_citation",
                "claims_claimrelation",
            ]
        }


def step(label: str, conn, function, *args) -> None:
    started = time.perf_counter()
    function(conn, *args)
    conn.commit()
    log(f"{label}: {time.perf_counter() - started:.1f} s")


def _words(conn) -> None:
    conn.execute(
        """CREATE TEMP TABLE g_words AS SELECT
            %s::text[] AS subj, %s::text[] AS obj, %s::text[] AS place, %s::text[] AS tpl,
            %s::text[] AS filler""",
        [
            columns(corpus.SUBJECTS),
            columns(corpus.OBJECTS),
            columns(corpus.PLACES),
            columns(corpus.TEMPLATES),
            columns(corpus.FILLER),
        ],
    )


def _outlets_and_topics(conn) -> None:
    rows = list(corpus.OUTLETS)
    kinds = ["newspaper"] * 6 + ["wire_agency", "government", "social_account", "broadcaster"]
    places = [place[0] for place in corpus.PLACES]
    for number in range(180):
        kind = kinds[number % len(kinds)]
        rows.append((f"{places[number % len(places)]} {kind.replace('_', ' ')} {number}", kind, ""))
    with conn.cursor() as cursor:
        cursor.executemany(
            """INSERT INTO sources_outlet (name, kind, country, homepage, created_at, updated_at, version)
            VALUES (%s, %s, %s, '', now(), now(), 1)""",
            rows,
        )
        cursor.executemany(
            """INSERT INTO claims_topic (name, slug, description, created_at, updated_at, version)
            VALUES (%s, %s, '', now(), now(), 1)""",
            [(name, name.lower().replace(" ", "-").replace("–", "-")) for name in corpus.TOPICS],
        )


def _speakers(conn, speakers: int) -> None:
    conn.execute(
        """CREATE TEMP TABLE g_names AS SELECT
            %s::text[] AS given, %s::text[] AS family, %s::text[] AS given_latin,
            %s::text[] AS family_latin, %s::text[] AS roles, %s::text[] AS countries,
            %s::text[] AS country_names""",
        [
            [corpus.GIVEN[lang] for lang in corpus.LANGUAGES],
            [corpus.FAMILY[lang] for lang in corpus.LANGUAGES],
            [corpus.GIVEN_LATIN.get(lang, corpus.GIVEN[lang]) for lang in corpus.LANGUAGES],
            [corpus.FAMILY_LATIN.get(lang, corpus.FAMILY[lang]) for lang in corpus.LANGUAGES],
            corpus.ROLES,
            [corpus.COUNTRIES[lang] for lang in corpus.LANGUAGES],
            [corpus.COUNTRY_NAMES[corpus.COUNTRIES[lang]] for lang in corpus.LANGUAGES],
        ],
    )
    weights = corpus.LANGUAGE_WEIGHTS
    conn.execute(
        f"""CREATE TEMP TABLE g_speaker AS
        SELECT i AS id,
            CASE WHEN r < {weights[0]} THEN 1 WHEN r < {sum(weights[:2])} THEN 2
                 WHEN r < {sum(weights[:3])} THEN 3 ELSE 4 END AS lang,
            1 + floor(random() * 20)::int AS g, 1 + floor(random() * 20)::int AS f,
            1 + floor(random() * 20)::int AS role, random() AS k
        FROM (SELECT i, random() AS r FROM generate_series(1, %s) i) s""",
        [speakers],
    )
    conn.execute(
        """INSERT INTO claims_speaker
            (id, name, kind, description, country, aliases, wikidata_id, search_text,
             created_at, updated_at, version)
        SELECT id, name, kind, description, country, aliases, '', '',
            timestamptz '2022-01-01' + id * interval '30 minutes', now(), 1
        FROM (
            SELECT s.id,
                CASE WHEN s.lang = 4 THEN n.family[4][s.f] || n.given[4][s.g]
                     ELSE n.given[s.lang][s.g] || ' ' || n.family[s.lang][s.f] END AS name,
                CASE WHEN s.k < 0.9 THEN 'person' WHEN s.k < 0.95 THEN 'organisation'
                     ELSE 'government' END AS kind,
                n.roles[s.role] || ', ' || n.country_names[s.lang] || ' (#' || s.id || ')'
                    AS description,
                n.countries[s.lang] AS country,
                CASE s.lang
                    WHEN 3 THEN n.given_latin[3][s.g] || ' ' || n.family_latin[3][s.f]
                        || E'\n' || n.family_latin[3][s.f]
                    WHEN 4 THEN n.family_latin[4][s.f] || ' ' || n.given_latin[4][s.g]
                    ELSE n.family[s.lang][s.f] END AS aliases
            FROM g_speaker s CROSS JOIN g_names n
        ) named"""
    )
    _fold_speaker_names(conn)


def _fold_speaker_names(conn) -> None:
    """Each speaker's `search_text`, folded by the app's own rule, as its save() would."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT id, name, aliases, description FROM claims_speaker")
        rows = [(pk, speaker_search_text(*names)) for pk, *names in cursor]
    conn.execute("CREATE TEMP TABLE g_speaker_folded (id bigint, search_text text)")
    with conn.cursor().copy("COPY g_speaker_folded (id, search_text) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    conn.execute(
        """UPDATE claims_speaker s SET search_text = f.search_text
        FROM g_speaker_folded f WHERE f.id = s.id"""
    )


def _stage_claims(conn, claims: int, speakers: int) -> None:
    # Speakers are skewed (a few speak a lot); a claim is mostly in its speaker's language.
    conn.execute(
        f"""CREATE TEMP TABLE g_claim AS
        SELECT c.id, c.speaker_id, c.lang,
            format(w.tpl[c.lang][c.t], w.subj[c.lang][c.s], w.obj[c.lang][c.o],
                   w.place[c.lang][c.p], c.year, c.pct) AS text,
            CASE WHEN c.lang <> 2 AND c.translated THEN
                format(w.tpl[2][c.t], w.subj[2][c.s], w.obj[2][c.o], w.place[2][c.p], c.year, c.pct)
                ELSE '' END AS translation,
            CASE WHEN random() < 0.4 THEN 'direct_quote' ELSE 'paraphrase' END AS kind,
            timestamptz '2022-01-01' + c.id * (interval '1095 days' / {claims}) AS created_at
        FROM (
            SELECT g.id, g.speaker_id,
                CASE WHEN random() < 0.8 THEN s.lang ELSE 1 + floor(random() * 4)::int END AS lang,
                1 + floor(random() * {len(corpus.TEMPLATES)})::int AS t,
                1 + floor(random() * {len(corpus.SUBJECTS)})::int AS s,
                1 + floor(random() * {len(corpus.OBJECTS)})::int AS o,
                1 + floor(random() * {len(corpus.PLACES)})::int AS p,
                2022 + floor(random() * 5)::int AS year,
                1 + floor(random() * 90)::int AS pct,
                random() < 0.6 AS translated
            FROM (
                SELECT i AS id, 1 + floor(power(random(), 2) * {speakers})::int AS speaker_id
                FROM generate_series(1, {claims}) i
            ) g JOIN g_speaker s ON s.id = g.speaker_id
        ) c CROSS JOIN g_words w"""
    )
    conn.execute("ALTER TABLE g_claim ADD PRIMARY KEY (id)")


def _stage_citations(conn, claims: int, sources: int) -> None:
    # Sources are newspapers' articles (60 %), wire reports (25 %) and official statements
    # (15 %), in that id order. A claim's first citation is an article relaying a wire
    # report relaying the statement, as far as the claim has citations (1: 50 %, 2: 30 %,
    # 3: 20 %). The first sources are long articles, each citing about 200 claims.
    articles, wires = int(sources * 0.6), int(sources * 0.25)
    statements = sources - articles - wires
    every = max(1, claims // (LONG_SOURCES * QUOTES_PER_LONG_SOURCE))
    conn.execute(
        f"""CREATE TEMP TABLE g_citation AS
        SELECT c.id * 3 + r.rank AS id, c.id AS claim_id, r.rank, c.n,
            CASE r.rank
                WHEN 0 THEN CASE WHEN c.id % {every} = 0
                                 THEN 1 + (c.id / {every}) % {LONG_SOURCES}
                                 ELSE {LONG_SOURCES + 1}
                                      + floor(random() * {articles - LONG_SOURCES})::int END
                WHEN 1 THEN {articles + 1} + floor(random() * {wires})::int
                ELSE {articles + wires + 1} + floor(random() * {statements})::int
            END AS source_id,
            CASE WHEN r.rank + 1 < c.n THEN c.id * 3 + r.rank + 1 END AS via_id,
            g.text AS quote
        FROM (
            SELECT id, CASE WHEN x < 0.5 THEN 1 WHEN x < 0.8 THEN 2 ELSE 3 END AS n
            FROM (SELECT id, random() AS x FROM g_claim) z
        ) c
        JOIN g_claim g ON g.id = c.id
        JOIN generate_series(0, 2) r(rank) ON r.rank < c.n"""
    )
    conn.execute("CREATE INDEX ON g_citation (source_id)")


def _sources(conn, sources: int) -> None:
    articles, wires = int(sources * 0.6), int(sources * 0.25)
    words = 20_000
    filler_sentences = words // 9
    conn.execute(
        f"""INSERT INTO sources_source
            (id, title, outlet_id, kind, url, published_at, language, body, archive_url,
             retrieved_at, notes, search_vector, created_at, updated_at, version, url_key,
             text_key, page_starts, published_date_only)
        SELECT id, title, outlet_id, kind, url, published_at, language, body, '', NULL, '',
            claimtrail_tsvector(title, 'A') || claimtrail_tsvector(body, 'D'),
            published_at, published_at, 1,
            -- Every generated address and text is distinct: no keys to compare.
            '', '',
            -- Pasted text, no pages; a published time, not a day alone.
            '[]', false
        FROM (
            SELECT s.id,
                format('%s: %s', w.subj[s.lang][1 + s.id % {len(corpus.SUBJECTS)}],
                       w.obj[s.lang][1 + s.id % {len(corpus.OBJECTS)}]) AS title,
                o.id AS outlet_id,
                s.kind,
                'https://news.example/' || o.id || '/' || s.id AS url,
                timestamptz '2022-01-01' + s.id * (interval '1095 days' / {sources}) AS published_at,
                (ARRAY['id', 'en', 'ru', 'zh'])[s.lang] AS language,
                CASE WHEN s.id <= {LONG_SOURCES} THEN
                    -- A long article: the quotes spread through about 20 000 words.
                    coalesce(q.body, '') || E'\n\n' || (
                        SELECT string_agg(w.filler[s.lang][1 + n % 6], ' ')
                        FROM generate_series(1, {filler_sentences}) n)
                ELSE
                    w.filler[s.lang][1 + s.id % 6] || E'\n\n' || coalesce(q.body, '')
                    || E'\n\n' || w.filler[s.lang][1 + (s.id + 3) % 6]
                END AS body
            FROM (
                SELECT i AS id,
                    CASE WHEN i <= {articles} THEN 'article'
                         WHEN i <= {articles + wires} THEN 'wire_report'
                         ELSE 'official_statement' END AS kind,
                    1 + floor(random() * 4)::int AS lang
                FROM generate_series(1, {sources}) i
            ) s
            CROSS JOIN g_words w
            JOIN LATERAL (
                SELECT id FROM sources_outlet
                WHERE kind = CASE s.kind WHEN 'article' THEN 'newspaper'
                                         WHEN 'wire_report' THEN 'wire_agency'
                                         ELSE 'government' END
                ORDER BY (id * 7919 + s.id) % 101 LIMIT 1
            ) o ON true
            LEFT JOIN (
                SELECT c.source_id,
                    string_agg(c.quote || ' ' || w2.filler[1 + c.claim_id % 4][1 + c.claim_id % 6],
                               E'\n\n' ORDER BY c.claim_id) AS body
                FROM g_citation c CROSS JOIN g_words w2
                GROUP BY c.source_id
            ) q ON q.source_id = s.id
        ) built""",
        prepare=False,
    )


def _citations(conn) -> None:
    conn.execute(
        """INSERT INTO claims_citation
            (id, claim_id, source_id, quote, locator, via_id, anchor_start, anchor_end,
             anchor_prefix, anchor_suffix, verification, attribution_chain,
             created_at, updated_at, version)
        SELECT c.id, c.claim_id, c.source_id, c.quote, '', c.via_id,
            a.start, a.start + length(c.quote),
            substr(s.body, greatest(1, a.start - 31), least(a.start, 32)),
            substr(s.body, a.start + length(c.quote) + 1, 32),
            'verified', '', s.published_at, s.published_at, 1
        FROM g_citation c
        JOIN sources_source s ON s.id = c.source_id
        CROSS JOIN LATERAL (SELECT strpos(s.body, c.quote) - 1 AS start) a"""
    )


def _attribution_chains(conn) -> None:
    """Each citation's chain, by the app's own rule (claims.derived), written back by COPY."""
    with conn.cursor(name="chains") as rows:  # read whole before the COPY: one at a time
        rows.execute(
            """SELECT c.id, c.claim_id, c.via_id, o.name FROM claims_citation c
            JOIN sources_source s ON s.id = c.source_id
            JOIN sources_outlet o ON o.id = s.outlet_id
            ORDER BY c.claim_id"""
        )
        chains = list(
            attribution_chains((pk, claim, via, (outlet,)) for pk, claim, via, outlet in rows)
        )
    conn.execute("CREATE TEMP TABLE g_chain (id bigint, chain text)")
    with conn.cursor().copy("COPY g_chain (id, chain) FROM STDIN") as copy:
        for row in chains:
            copy.write_row(row)
    conn.execute(
        "UPDATE claims_citation c SET attribution_chain = g.chain FROM g_chain g WHERE g.id = c.id"
    )


def _representatives() -> None:
    """Each claim's representative citation, by the app's own statement (claims.derived),
    through Django's connection (set up by bench.run)."""
    from claims.derived import store_representatives
    from claims.models import Citation, Claim

    store_representatives(Claim.objects.all(), Citation.objects.all())


# The generated newsroom's work, by claim id: most claims still to check, a share of every
# other status, a quarter of the open ones assigned across a team of TEAM researchers
# (the bench's own user first) and a tenth of those past their due date.
TEAM = 20
STATUSES = (
    ["to_check"] * 70
    + ["in_progress"] * 8
    + ["in_review"] * 5
    + ["checked"] * 3
    + ["published"] * 10
    + ["not_checkable"] * 2
    + ["dismissed"] * 2
)


def _team(conn) -> list[int]:
    """The researchers the claims are assigned to: `bench` (whose session the runs use)
    and its colleagues, who can not sign in."""
    names = ["bench"] + [f"researcher{n:02}" for n in range(1, TEAM)]
    conn.execute(
        """INSERT INTO auth_user (username, password, is_superuser, is_staff, is_active,
            first_name, last_name, email, date_joined)
        SELECT name, '!', name = 'bench', name = 'bench', true, '', '', '', now()
        FROM unnest(%s::text[]) AS name
        ON CONFLICT (username) DO NOTHING""",
        [names],
    )
    return [
        row[0]
        for row in conn.execute(
            "SELECT id FROM auth_user WHERE username = ANY(%s) ORDER BY username = 'bench' DESC, username",
            [names],
        )
    ]


def _claims(conn) -> None:
    from claims.workflow import OPEN

    team = _team(conn)
    conn.execute(
        """INSERT INTO claims_claim
            (id, speaker_id, text, language, translation, kind, stated_on, notes,
             search_vector, created_at, updated_at, version, passage_count, made_for_id,
             joint_names, status, assignee_id, due_on)
        SELECT g.id, g.speaker_id, g.text, (ARRAY['id', 'en', 'ru', 'zh'])[g.lang],
            g.translation, g.kind, g.created_at::date, '',
            claims_claim_search_vector(g.id, g.text, g.translation, g.speaker_id),
            g.created_at, g.created_at, 1,
            -- Passages are counted with the representatives (app code, after ANALYZE);
            -- nobody speaks for anyone here, so each claim is made for its own speaker.
            0, g.speaker_id, '', w.status,
            CASE WHEN w.open AND g.id %% 4 = 0 THEN (%(team)s::int[])[1 + g.id / 4 %% %(size)s] END,
            CASE WHEN w.open AND g.id %% 4 = 0
                THEN current_date + (g.id %% 70 - 7) END
        FROM g_claim g,
            LATERAL (SELECT (%(statuses)s::text[])[1 + g.id %% 100] AS status) s,
            LATERAL (SELECT s.status, s.status = ANY(%(open)s::text[]) AS open) w""",
        {"team": team, "size": len(team), "statuses": STATUSES, "open": [str(o) for o in OPEN]},
    )


def _claim_topics(conn) -> None:
    topics = len(corpus.TOPICS)
    conn.execute(
        f"""INSERT INTO claims_claim_topics (claim_id, topic_id)
        SELECT DISTINCT x.id, t.id FROM (
            SELECT id, 1 + (id * 7) % {topics} AS n FROM g_claim WHERE id % 5 <> 0
            UNION ALL
            SELECT id, 1 + (id * 13 + 5) % {topics} FROM g_claim WHERE id % 5 = 1
        ) x JOIN claims_topic t ON t.id = (SELECT min(id) FROM claims_topic) + x.n - 1"""
    )


def _relations(conn, claims: int, relations: int) -> None:
    # Pair a with a + d (mod claims), 0 < d < claims / 2, each round drawing d from its own
    # range: no pair can come out twice, in either direction.
    rounds = math.ceil(relations / claims)
    width = (claims // 2 - 1) // rounds
    conn.execute(
        f"""INSERT INTO claims_claimrelation
            (claim_id, counter_id, kind, note, created_at, updated_at, version)
        SELECT a, 1 + (a - 1 + d) % {claims},
            CASE WHEN k < 0.25 THEN 'denies' WHEN k < 0.6 THEN 'disputes'
                 WHEN k < 0.8 THEN 'supports' WHEN k < 0.9 THEN 'qualifies'
                 ELSE 'responds_to' END,
            CASE WHEN k < 0.1 THEN 'Both statements were made on the same day.' ELSE '' END,
            timestamptz '2022-01-01' + i * (interval '1095 days' / {relations}),
            now(), 1
        FROM (
            SELECT i, 1 + i % {claims} AS a,
                1 + (i / {claims}) * {width} + ((i % {claims}) * 7919 + (i / {claims}) * 104729) % {width} AS d,
                random() AS k
            FROM generate_series(0::bigint, {relations - 1}) i
        ) pairs"""
    )


def _reset_sequences(conn) -> None:
    for table in [
        "sources_outlet",
        "sources_source",
        "claims_topic",
        "claims_speaker",
        "claims_claim",
        "claims_citation",
        "claims_claimrelation",
        "claims_claim_topics",
    ]:
        conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 1) FROM {table}))"
        )


if __name__ == "__main__":  # pragma: no cover - for trying the generator alone
    import os
    import sys

    random.seed(SEED)
    print(generate(os.environ["DATABASE_URL"], sys.argv[1] if len(sys.argv) > 1 else "small"))
