"""The words the assistant knows, per language: attribution verbs and phrases, relay cues,
denials, negations, and the small words that never name a speaker or carry a claim.

Every entry is written folded (lower case, no accents), as `text.fold` leaves a word.
Indonesian (id), English (en) and Spanish (es) are covered; adding a language means
adding its words here, nothing else.
"""

from enum import StrEnum


class Cue(StrEnum):
    # A verb of saying: "X mengatakan …", "…, kata X", "X said …", "dijo X".
    SPEECH = "speech"
    # "menurut X, …", "according to X, …", "según X, …": X is the speaker or, when X is a
    # news outlet, the relay.
    ACCORDING = "according"
    # "mengutip X", "citing X", "citando a X": X is a relay when it is an outlet, otherwise
    # the person being quoted.
    QUOTING = "quoting"
    # "dikutip dari X", "as reported by X": X is always the relayed report.
    REPORTED_BY = "reported_by"


def _words(*phrases: str) -> set[tuple[str, ...]]:
    return {tuple(phrase.split()) for phrase in phrases}


SPEECH_VERBS = _words(
    # Indonesian: the verbs of saying, their postposed forms ("…, kata X") and the
    # verbs of promising, warning and accusing that carry a claim as well.
    "kata",
    "ujar",
    "ucap",
    "tutur",
    "ungkap",
    "imbuh",
    "tegas",
    "jelas",
    "mengatakan",
    "menyatakan",
    "menegaskan",
    "menambahkan",
    "mengungkapkan",
    "menjelaskan",
    "menyebut",
    "menyebutkan",
    "mengklaim",
    "menuduh",
    "memperingatkan",
    "mengakui",
    "menekankan",
    "berjanji",
    "bersumpah",
    # English
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "added",
    "adds",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "warned",
    "warns",
    "explained",
    "announced",
    "accused",
    "alleged",
    "alleges",
    "pledged",
    "vowed",
    "promised",
    "has said",
    "have said",
    # Spanish
    "dijo",
    "dice",
    "afirmo",
    "afirma",
    "declaro",
    "declara",
    "aseguro",
    "asegura",
    "anadio",
    "agrego",
    "senalo",
    "explico",
    "indico",
    "sostuvo",
    "advirtio",
    "prometio",
    "acuso",
    "manifesto",
    "insistio",
    "subrayo",
    "ha dicho",
)

# Postposed forms with a pronoun suffix ("…, katanya."): the speaker is whoever spoke last.
PRONOUN_SUFFIXED_VERBS = _words(
    "katanya", "ujarnya", "ucapnya", "tuturnya", "ungkapnya", "imbuhnya", "tegasnya", "jelasnya"
)

DENIAL_VERBS = _words(
    "membantah",
    "menampik",
    "menyangkal",
    "denied",
    "denies",
    "deny",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "refuted",
    "refutes",
    "disputed",
    "nego",
    "niega",
    "rechazo",
    "rechaza",
    "desmintio",
    "desmiente",
)

ACCORDING = _words("menurut", "according to", "segun", "de acuerdo con")

QUOTING = _words("mengutip", "citing", "quoting", "citando a", "citando")

REPORTED_BY = _words(
    "dikutip dari",
    "seperti dikutip",
    "seperti dikutip dari",
    "dilansir dari",
    "seperti dilansir",
    "seperti dilansir dari",
    "melansir",
    "seperti dilaporkan",
    "as reported by",
    "reported by",
    "quoted by",
    "citado por",
    "segun informo",
    "segun informa",
    "informo",
)

CUES: dict[tuple[str, ...], Cue] = {
    **dict.fromkeys(SPEECH_VERBS | PRONOUN_SUFFIXED_VERBS | DENIAL_VERBS, Cue.SPEECH),
    **dict.fromkeys(ACCORDING, Cue.ACCORDING),
    **dict.fromkeys(QUOTING, Cue.QUOTING),
    **dict.fromkeys(REPORTED_BY, Cue.REPORTED_BY),
}
LONGEST_CUE = max(len(words) for words in CUES)

# Words between a relay cue and the outlet's or speaker's name: "mengutip pernyataan X".
CUE_FILLERS = {
    "pernyataan",
    "keterangan",
    "laporan",
    "kantor",
    "berita",
    "media",
    "a",
    "an",
    "the",
    "statement",
    "statements",
    "comments",
    "remarks",
    "report",
    "reports",
    "agency",
    "news",
    "la",
    "el",
    "las",
    "los",
    "agencia",
    "declaraciones",
    "diario",
}

# Prepositions before an outlet a speaker talked to: "said to Reuters", "kepada Reuters".
TO_WORDS = {"to", "kepada", "a", "al"}

# Words that may stand between a subject and its verb: "Belousov juga menambahkan".
ADVERBS = {
    "juga",
    "pun",
    "telah",
    "sudah",
    "kembali",
    "lalu",
    "kemudian",
    "sebelumnya",
    "also",
    "then",
    "later",
    "earlier",
    "previously",
    "has",
    "have",
    "had",
    "again",
    "once",
    "tambien",
    "ya",
    "luego",
    "despues",
    "ayer",
    "hoy",
}

# Conjunctions that open a new clause with its own subject: the span of a statement starts
# after them ("…dilakukan saat militer China berjanji …", "…, while Jones said …").
CLAUSE_OPENERS = {
    "saat",
    "ketika",
    "sementara",
    "sedangkan",
    "sewaktu",
    "tetapi",
    "namun",
    "while",
    "whereas",
    "when",
    "but",
    "mientras",
    "pero",
    "cuando",
}

PRONOUNS = {
    "dia",
    "ia",
    "beliau",
    "mereka",
    "pihaknya",
    "he",
    "she",
    "they",
    "ella",
    "ellos",
    "ellas",
}

# Leading words of a role, stripped from an unknown name: "Foreign Minister Wang Yi".
TITLES = {
    "menteri",
    "presiden",
    "wakil",
    "ketua",
    "juru",
    "bicara",
    "kepala",
    "jenderal",
    "perdana",
    "luar",
    "negeri",
    "pertahanan",
    "minister",
    "president",
    "vice",
    "prime",
    "foreign",
    "defence",
    "defense",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "chairman",
    "senator",
    "governor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "ministro",
    "ministra",
    "presidente",
    "presidenta",
    "portavoz",
    "canciller",
    "secretario",
    "secretaria",
    "senor",
    "senora",
    "sr",
    "sra",
}

# Lower-case words that may join the parts of a name: "Ministerio de Defensa".
NAME_CONNECTORS = {"de", "del", "la", "van", "von", "der", "den", "bin", "binti", "al", "of"}

# News organisations recognised as relays even before the database knows them as outlets.
WIRE_SERVICES = {
    "reuters",
    "associated press",
    "ap",
    "afp",
    "agence france-presse",
    "bloomberg",
    "xinhua",
    "tass",
    "ria novosti",
    "interfax",
    "antara",
    "kyodo",
    "yonhap",
    "efe",
    "europa press",
    "dpa",
    "ansa",
    "bbc",
    "cnn",
    "al jazeera",
}

NEGATIONS = {
    "tidak",
    "tak",
    "bukan",
    "belum",
    "tiada",
    "jangan",
    "not",
    "never",
    "no",
    "none",
    "nothing",
    "nunca",
    "jamas",
    "ningun",
    "ninguna",
    "nada",
    "tampoco",
}

# Function words that carry no claim; left out when comparing what two statements say.
STOPWORDS = {
    # Indonesian
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "pada",
    "dalam",
    "bahwa",
    "ini",
    "itu",
    "atau",
    "juga",
    "akan",
    "telah",
    "sudah",
    "kepada",
    "terhadap",
    "oleh",
    "para",
    "pihak",
    "pihaknya",
    "mereka",
    "kami",
    "kita",
    "dirinya",
    "saat",
    "karena",
    "sebagai",
    "lebih",
    "sangat",
    "bisa",
    "dapat",
    "harus",
    "boleh",
    "termasuk",
    "tersebut",
    "mana",
    "adalah",
    "disebut",
    "namun",
    "tetapi",
    "setelah",
    "sebelum",
    # English
    "the",
    "and",
    "that",
    "this",
    "with",
    "from",
    "for",
    "have",
    "has",
    "had",
    "been",
    "were",
    "was",
    "would",
    "will",
    "could",
    "should",
    "their",
    "they",
    "them",
    "there",
    "which",
    "what",
    "about",
    "into",
    "including",
    "over",
    "any",
    "other",
    "than",
    "also",
    "such",
    "its",
    "it's",
    # Spanish
    "que",
    "con",
    "los",
    "las",
    "del",
    "una",
    "por",
    "como",
    "pero",
    "sus",
    "esta",
    "este",
    "ese",
    "esa",
    "mas",
    "sobre",
    "entre",
    "sido",
    "han",
    "habia",
    "tambien",
}
