"""The words the assistant knows, per language: attribution cues, relays, denials, roles,
pronouns, time words, and the page furniture that is never a statement.

Entries are written as a reporter spells them and folded on import (`records.text.fold`:
no case, no accents), so that every comparison is between folded words. Adding a language
means adding its words here: the rules themselves know no language.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from records.text import NEGATIONS, fold


class Cue(StrEnum):
    # A verb of saying: "X said …", "…, kata X", "X表示", "заявил X".
    SPEECH = "speech"
    # Saying while going on with the same statement: "…, saying …", "seraya", "estimant".
    CONTINUING = "continuing"
    # "according to X", "menurut X", "según X", "selon X", "по словам X": X speaks, or
    # relays when X is an outlet.
    ACCORDING = "according"
    # "citing X", "mengutip X", "援引X": X relays when it is an outlet.
    QUOTING = "quoting"
    # "as reported by X", "dilansir X", "сообщает X": X is a report this text relays.
    REPORTED = "reported"
    # "declined to comment": a statement of its own, however few words it has.
    NO_COMMENT = "no_comment"


@dataclass(frozen=True)
class CueWord:
    cue: Cue
    denial: bool = False  # "denied", "membantah", "否认", "отверг", "a démenti"
    accusation: bool = False  # "accused", "menuduh", "指责", "обвинил", "a accusé"
    answer: bool = False  # "responded", "menanggapi", "respondió", "回应称", "ответил"
    # The speaker is in the verb itself: "katanya", "a-t-il dit".
    pronoun: bool = False
    # A cue only as the sentence's first word, before a name or a role and a comma:
    # "Pour Marine Le Pen, …", "Para el ministro, …".
    opening: bool = False


@dataclass
class Language:
    code: str
    cues: dict[tuple[str, ...], CueWord] = field(default_factory=dict)
    # Chinese writes no spaces: its cues are strings of characters, matched as such.
    char_cues: dict[str, CueWord] = field(default_factory=dict)
    pronouns: frozenset[str] = frozenset()  # a person: he, dia, él, il, он, 他
    feminine: frozenset[str] = frozenset()  # the pronouns of a woman: she, ella, она, 她
    plural_pronouns: frozenset[str] = frozenset()  # they, mereka, ellos, ils, они
    roles: frozenset[str] = frozenset()  # minister, spokeswoman, juru bicara, 发言人
    # Roles that speak for what they are of: "a spokesperson for the embassy" is the
    # embassy speaking; "a senior official of the ministry" is someone in it.
    speaking_for: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()  # a body's office, after a place word
    # The auxiliary of a past before the past ("había asegurado", "avait accusé", "had
    # said"): what it reports was said before what the text reports around it.
    earlier_auxiliaries: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()  # ministry, union, kementerian, 部
    articles: frozenset[str] = frozenset()  # the, el, la, le, les, a, un
    # "A department spokesperson said": someone new, not the spokesperson named before.
    indefinites: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()  # of, de, del: inside a name
    told: frozenset[str] = frozenset()  # to, kepada, a, à: "told Reuters"
    told_with: frozenset[str] = frozenset()  # with, avec, con: "in an interview with CNN"
    # Prepositions that open a phrase of how or where something was said, before the
    # subject: "In a video message to employees posted Thursday, the chief executive said".
    opening_prepositions: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()  # who, yang, que, qui, который
    conjunctions: frozenset[str] = frozenset()  # and, dan, y, et, и: "…, and added"
    places: frozenset[str] = frozenset()  # in, di, en: "the Embassy in London"
    # What a refusal to comment puts before its subject: "От дальнейших комментариев в
    # ведомстве отказались" (the preposition, then the noun it governs).
    refusals: frozenset[str] = frozenset()
    comments: frozenset[str] = frozenset()
    # Nouns that, after an article, mean the organisation spoken of before: "el organismo
    # sostuvo", "the agency said", "l'organisme a indiqué".
    body_words: frozenset[str] = frozenset()
    # Of those, the words for a company, which the text names as one: "la empresa Minerales
    # del Alto Cauca S.A.S. … La compañía sostiene".
    company_words: frozenset[str] = frozenset()
    # Words that open an object put before its verb: "В Кремле эту информацию опровергли".
    object_pointers: frozenset[str] = frozenset()
    # Units of the country whose one-word name follows them in a title: "Kepala Desa
    # Kohod Arsin" is Arsin, the head of the village of Kohod.
    place_units: frozenset[str] = frozenset()
    # Offices of a place, whose name follows them ("Camat Cibeureum Dedi Supriadi"), and
    # the words that carry a place's name on ("Kotawaringin Barat").
    local_offices: frozenset[str] = frozenset()
    compass: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()  # while, sementara, mientras, tandis, а
    skipped: frozenset[str] = frozenset()  # also, has, juga, ya, ранее: beside the verb
    # First words of a phrase set off between the subject and its verb, telling where or
    # how it spoke: "Blinken, speaking to reporters in Brussels, said".
    circumstances: frozenset[str] = frozenset()
    # Discourse markers set off by a comma, never a subject: "Por su parte, …".
    discourse: frozenset[str] = frozenset()
    # Words that set a statement against another's: "however", "en cambio", "不过".
    contrasts: frozenset[str] = frozenset()
    # Roles that name nobody in particular: "sources said" is never the last speaker.
    anonymous: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    weekdays: dict[str, int] = field(default_factory=dict)  # folded word → Monday = 0
    relative_days: dict[str, int] = field(default_factory=dict)  # yesterday → -1
    months: frozenset[str] = frozenset()
    furniture: tuple[str, ...] = ()  # paragraph openings: "also read", "baca juga"
    # First words of a sentence that point back at the quotation before it: "Demikian
    # pernyataan …" (so said …).
    back_references: frozenset[str] = frozenset()
    # Openings of a sentence that only says who said the sentence before: "Об этом
    # заявила Мария Захарова", "Hal itu disampaikan Menteri …".
    restatements: frozenset[str] = frozenset()
    # Openings of a sentence that answer what came before: "对此", "In response", "Menanggapi".
    answer_openers: tuple[str, ...] = ()
    # Openings by which a sentence says that what it reports came before: "Earlier", "Ранее".
    told_earlier: tuple[str, ...] = ()
    # The word before the agent of a participle: "consultados por EFE", "contacted by Reuters".
    agent: str = ""
    # Nouns by which an answer points at what it answers: "denied the accusation",
    # "membantah tuduhan itu", "美方的指责".
    accusation_nouns: frozenset[str] = frozenset()
    # Nouns for a published report: "the Nikkei story", "esa información", "эти публикации".
    # An answer that names one answers what an outlet or a report carried.
    report_nouns: frozenset[str] = frozenset()
    # Words that call what was said untrue: an answer as plain as a negation.
    refutations: frozenset[str] = frozenset()
    # Words that make such a noun point at what was just said: "tudingan itu", "this
    # claim", "esa versión", "эту информацию", "上述说法".
    demonstratives: frozenset[str] = frozenset()
    # Object pronouns written before the verb, after its subject: "Renfe lo situó".
    clitics: frozenset[str] = frozenset()

    @cached_property
    def longest_cue(self) -> int:
        return max((len(words) for words in self.cues), default=1)

    @cached_property
    def longest_char_cue(self) -> int:
        return max((len(chars) for chars in self.char_cues), default=1)

    @cached_property
    def not_names(self) -> frozenset[str]:
        """Capitalised at the head of a sentence, these are still no part of a name."""
        return self.articles | self.skipped

    @cached_property
    def first_cue_words(self) -> frozenset[str]:
        """The first word of every cue: a word that starts none is no cue, at a glance."""
        return frozenset(words[0] for words in self.cues)


def _set(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split("|") if word.strip())


def _lower(text: str) -> frozenset[str]:
    """Words compared with their accents, in lower case: Spanish "él" (he) is not "el"."""
    return frozenset(word.casefold() for word in text.split("|") if word.strip())


def _phrases(text: str) -> list[tuple[str, ...]]:
    return [tuple(fold(phrase).split()) for phrase in text.split("|") if phrase.strip()]


def _add(language: Language, text: str, cue: Cue, **flags) -> None:
    for phrase in _phrases(text):
        language.cues[phrase] = CueWord(cue, **flags)


def _ru_past(text: str) -> str:
    """Russian past tense in every gender and number: заявил, заявила, заявили, заявило."""
    forms = []
    for word in text.split("|"):
        stem = word.removesuffix("л")  # "заявил" and "отверг" both take "-ла", "-ли", "-ло"
        forms += [word, stem + "ла", stem + "ли", stem + "ло"]
    return "|".join(forms)


# Adverbs French puts between the auxiliary and the participle: "a formellement démenti".
_FR_ADVERBS = (
    *("formellement", "categoriquement", "fermement", "vivement", "egalement", "aussi"),
    *("encore", "deja", "toutefois", "pourtant", "aussitot", "immediatement", "publiquement"),
    *("officiellement", "notamment", "ensuite", "enfin", "finalement", "clairement"),
)


def _fr_past(participles: str) -> str:
    """French passé composé and plus-que-parfait: "a déclaré", "ont affirmé", "avait dit",
    an adverb perhaps between ("a formellement démenti")."""
    auxiliaries = ["a", "ont", "avait", "avaient", "aurait"]
    phrases = []
    for participle in participles.split("|"):
        for aux in auxiliaries:
            phrases += [f"{aux} {participle}"]
            phrases += [f"{aux} {adverb} {participle}" for adverb in _FR_ADVERBS]
    return "|".join(phrases)


def _fr_inverted(participles: str) -> str:
    return "|".join(
        f"{aux} {participle}"
        for participle in participles.split("|")
        for aux in ("a-t-il", "a-t-elle", "ont-ils", "ont-elles", "avait-il", "avait-elle")
    )


# Weekdays, Monday first, and the words for yesterday and today.
def _weekdays(names: str) -> dict[str, int]:
    result = {}
    for day, spellings in enumerate(names.split(";")):
        for spelling in spellings.split("|"):
            if spelling.strip():
                result[fold(spelling)] = day
    return result


EN = Language("en")
_add(
    EN,
    "said|says|say|told|tells|stated|states|added|adds|claimed|claims|insisted|insists|argued|"
    "argues|warned|warns|explained|announced|pledged|vowed|promised|acknowledged|admitted|"
    "confirmed|noted|stressed|emphasised|emphasized|urged|wrote|tweeted|posted|testified|"
    "defended|defends|"
    "countered|responded|replied|asserted|maintained|predicted|conceded|cautioned|declared|"
    "has said|have said|had said|is quoted as saying|was quoted as saying|called|calls|"
    "described|blamed|blames|criticised|criticized|condemned|berated|praised|thanked|"
    "apologised|apologized|apology was posted|apology was issued|"
    "announced in a statement|said in a statement|reiterated|suggested|revealed|recalled|"
    "demanded|threatened|complained|remarked|commented|welcomed|signalled|signaled|"
    "indicated|expressed|voiced|questioned|recounted|lamented|quipped|mused|recalls|explains|"
    "attributed|"
    # "Reuters reported on Tuesday that …" (not "Reported cases rose", "…, Reuters reported").
    "reported that|reported on|has reported that|had reported that|have reported that|"
    # "The report by Amnesty International found that …": what a report finds, it says.
    "found that|has found that|concluded that|concludes that|finds that",
    Cue.SPEECH,
)
_add(EN, "lashed out|hit out|lashes out|hits out", Cue.SPEECH, accusation=True)
# A figure given as someone's count: "The union puts the number at 112", "cifró el
# seguimiento en el 91%", "fait état de neuf morts" (often what another's figure disputes).
_add(
    EN,
    "puts the number at|put the number at|puts the figure at|put the figure at|"
    "puts the number of|put the number of|"
    "puts the toll at|put the toll at|puts the death toll at|put the death toll at|"
    "puts the cost at|put the cost at|puts turnout at|put turnout at",
    Cue.SPEECH,
)
_add(
    EN,
    "denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes|"
    "rebuffed|contested|contests|rebutted",
    Cue.SPEECH,
    denial=True,
)
# Criticism answers what came before and is itself answered ("Lavrov condemned the aid …
# Barrot rejected the criticism"): it both disputes and accuses.
_add(
    EN,
    "condemned|condemns|criticised|criticized|slammed|denounced",
    Cue.SPEECH,
    denial=True,
    accusation=True,
)
_add(EN, "accused|accuses|alleged|alleges|charged", Cue.SPEECH, accusation=True)
# "The ministry insisted officers had acted lawfully": a reply to what was just said.
_add(
    EN,
    "responded|replied|countered|retorted|hit back|insisted|insists|maintained|maintains",
    Cue.SPEECH,
    answer=True,
)
EN.accusation_nouns = _set(
    "accusation|accusations|allegation|allegations|claim|claims|charge|charges|criticism|"
    "findings|report|remarks|accuse|allegedly|decision|move|announcement|comments|words|"
    "threat|threats|warning"
)
EN.report_nouns = _set("report|reports|story|stories|article|articles|reporting|publication")
EN.demonstratives = _set("this|that|these|those|such")
EN.refutations = _set(
    "false|untrue|baseless|groundless|unfounded|lie|lies|lying|fabricated|fabrication|"
    "nonsense|absurd|fake|propaganda|slander|smear|fiction|misleading|ridiculous|wrong|"
    # Opposing what was said or done is disputing it: "said it firmly opposes the sanctions".
    "opposes|speculation|disinformation"
)
_add(EN, "saying|adding|arguing|insisting|warning|noting|stressing|calling", Cue.CONTINUING)
_add(EN, "according to", Cue.ACCORDING)
_add(EN, "citing|quoting", Cue.QUOTING)
_add(EN, "as reported by|reported by|quoted by|as cited by|cited by", Cue.REPORTED)
_add(
    EN,
    "declined to comment|refused to comment|did not respond to a request for comment|"
    "did not immediately respond to a request for comment|did not respond to requests for "
    "comment|could not be reached for comment|declined to be interviewed|had no comment|"
    "did not respond to queries|did not respond to questions|did not reply to queries",
    Cue.NO_COMMENT,
)
EN.pronouns = _lower("he|she")
EN.feminine = _lower("she")
EN.back_references = _set("thus|so")
EN.answer_openers = ("in response", "responding", "in reply")
EN.told_earlier = ("earlier", "previously")
EN.earlier_auxiliaries = _set("had")
EN.agent = "by"
EN.plural_pronouns = _lower("they|it|we")
EN.body_words = _set(
    "agency|body|organisation|organization|institution|watchdog|regulator|company|firm|group"
)
EN.company_words = _set("company|firm|group|bank|carrier|airline|manufacturer|drugmaker|lender")
EN.roles = _set(
    "secretary-general|director-general|attorney-general|commander-in-chief|vice-president|"
    "minister|spokesman|spokeswoman|spokesperson|president|prime|secretary|senator|governor|"
    "mayor|chair|chairman|chairwoman|chief|leader|official|officials|ambassador|director|"
    "manager|commissioner|envoy|general|adviser|advisor|lawmaker|legislator|deputy|head|"
    "counterpart|diplomat|analyst|expert|professor|lawyer|prosecutor|judge|mechanic|"
    "source|sources|mep|mp|mpa|mna|mla|mlc|"
    "mr|mrs|ms|dr|prof|sen|rep|gov|lt|col|gen|sgt|colonel|captain|"
    "major|lieutenant|admiral|sergeant|commander|chief|officer|officers"
    # Occupations a person is named with: "the city's chief economist, Ana Ruiz".
    "|councillor|councilman|councilwoman|alderman|ceo|founder|co-founder|attorney|inspector|"
    "superintendent|economist|researcher|doctor|nurse|teacher|principal|executive|"
    "coordinator|activist|organiser|organizer|regulator|auditor|sheriff|pilot|engineer|"
    "scientist|consultant|representative|trustee|treasurer|ombudsman|coroner|magistrate|owner|"
    "operator|worker|employee|driver|staffer|technician|guard|contractor|physician|surgeon|"
    "paramedic|pharmacist"
)
EN.organisations = _set(
    "ministry|department|office|government|union|association|committee|commission|"
    "authority|council|agency|company|firm|embassy|party|army|police|court|bank|service|"
    "campaign|state department|white house|kremlin|administration|parliament|senate|congress|"
    "federation|group|institute|organisation|organization|coalition|alliance|board|bureau"
)
EN.articles = _set("the|a|an|this|that|its|his|her|their")
EN.indefinites = _set("a|an|another")
EN.speaking_for = _set("spokesperson|spokesman|spokeswoman|spokespeople|representative")
EN.connectors = _set("of|for|de|van|von|der|bin|al")
EN.places = _set("in|at")
EN.told = _set("to")
EN.told_with = _set("with")
EN.opening_prepositions = _set("in|on|at|during")
EN.relatives = _set("who|which|whose|whom|that")
EN.conjunctions = _set("and")
EN.openers = _set("while|whereas|but|although")
EN.circumstances = _set(
    "speaking|writing|addressing|talking|asked|responding|answering|replying|appearing|"
    "visiting|testifying|briefing|during|after|in|at|on|when|following|while"
)
EN.anonymous = _set("source|sources")
EN.contrasts = _set(
    "however|but|yet|instead|on the other hand|by contrast|in contrast|for its part|for their part"
)
EN.discourse = _set(
    "meanwhile|however|in turn|for its part|for his part|for her part|separately|earlier|"
    "later|in response|on the other hand|at the same time|in a statement|in addition"
)
EN.skipped = _set(
    "also|has|have|had|then|later|earlier|previously|again|once|repeatedly|separately|"
    "publicly|again|on|last|this|late|early|yesterday|today|tonight|in|a|statement|"
    "immediately|had|reportedly|further|swiftly|quickly|within|hours|minutes"
)
EN.negations = NEGATIONS["en"]
EN.stopwords = _set(
    "the|and|that|this|with|from|for|have|has|had|been|were|was|would|will|could|should|"
    "their|they|them|there|which|what|about|into|including|over|any|other|than|also|such|its|"
    "it's|said|says|told|after|before|because|while|when|where|more|most|some|only|just|"
    "very|every|each|those|these|being|made|make"
)
EN.weekdays = _weekdays("monday;tuesday;wednesday;thursday;friday;saturday;sunday")
EN.relative_days = {"yesterday": -1, "today": 0, "tonight": 0}
EN.months = _set(
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
EN.furniture = (
    "also read",
    "read also",
    "read more",
    "related",
    "see also",
    "more on this",
    "recommended",
    "share this",
    "share on",
    "follow us",
    "sign up",
    "subscribe",
    "photo",
    "caption",
    "image",
    "video",
    "watch",
    "listen",
    "reporting by",
    "editing by",
    "writing by",
    "additional reporting",
    "copyright",
    "by staff",
    "advertisement",
)

ID = Language("id")
_add(
    ID,
    "kata|ujar|ucap|tutur|ungkap|imbuh|tegas|jelas|tambah|lanjut|papar|terang|sebut|"
    "mengatakan|menyatakan|menegaskan|menambahkan|mengungkapkan|menjelaskan|menyebut|menemukan|"
    "menyebutkan|mengklaim|memperingatkan|mengakui|menekankan|berjanji|bersumpah|menuturkan|"
    "menyampaikan|mengumumkan|memastikan|menilai|meminta|mendesak|mengimbau|mengecam|"
    "mengkritik|menanggapi|menjawab|memaparkan|menerangkan|mengingatkan|melanjutkan|"
    "berkata|bilang|mengaku|menyebutnya|menyatakan bahwa|mengatakan bahwa|berpendapat|"
    "tulis|menulis|mencuit|cuit|mengunggah|memposting|melaporkan|memberitakan|"
    "memandang|mengingatkan bahwa|menduga|memperkirakan|menyoroti",
    Cue.SPEECH,
)
_add(
    ID,
    "katanya|ujarnya|ucapnya|tuturnya|ungkapnya|imbuhnya|tegasnya|jelasnya|tambahnya|"
    "lanjutnya|paparnya|terangnya|sebutnya|akunya|tulisnya|cuitnya",
    Cue.SPEECH,
    pronoun=True,
)
_add(
    ID,
    "membantah|menampik|menyangkal|menolak|membantahnya|menepis|"
    "membantahkan|menampiknya|menepisnya",
    Cue.SPEECH,
    denial=True,
)
_add(ID, "mengecam|mengkritik", Cue.SPEECH, denial=True, accusation=True)
_add(ID, "menuduh|menuding|mendakwa|menyalahkan", Cue.SPEECH, accusation=True)
_add(ID, "menanggapi|menjawab|membalas|bersikeras|berkeras", Cue.SPEECH, answer=True)
ID.accusation_nouns = _set(
    "tuduhan|tudingan|klaim|laporan|kritik|pernyataan|tuduhannya|keputusan|langkah|ancaman"
)
ID.report_nouns = _set("laporan|pemberitaan|berita|artikel|kabar|laporannya")
ID.refutations = _set(
    "bohong|kebohongan|fitnah|hoaks|hoax|keliru|salah|mengada-ada|propaganda|omong|kosong|"
    "menentang|disinformasi"
)
_add(ID, "seraya|sambil menambahkan|dan menyebut", Cue.CONTINUING)
_add(ID, "menurut", Cue.ACCORDING)
_add(ID, "menurutnya", Cue.ACCORDING, pronoun=True)
_add(ID, "mengutip|dikutip|mengutip pernyataan", Cue.QUOTING)
_add(
    ID,
    "dikutip dari|seperti dikutip|seperti dikutip dari|dilansir|dilansir dari|seperti "
    "dilansir|seperti dilansir dari|melansir|seperti dilaporkan|dilaporkan|diberitakan",
    Cue.REPORTED,
)
_add(
    ID,
    "enggan berkomentar|menolak berkomentar|tidak bersedia berkomentar|belum memberikan "
    "tanggapan|tidak menanggapi|belum menanggapi|enggan menanggapi|belum merespons|"
    "tidak merespons|belum merespon|tidak merespon|belum menjawab",
    Cue.NO_COMMENT,
)
ID.back_references = _set("demikian|begitu|itulah")
ID.restatements = _set("hal itu|hal tersebut|hal ini")
ID.demonstratives = _set("itu|tersebut|ini")
ID.company_words = _set("perusahaan|perseroan|bank|emiten|produsen|maskapai")
ID.answer_openers = ("menanggapi", "merespons", "terkait hal itu", "atas hal itu")
ID.told_earlier = ("sebelumnya",)
ID.agent = "oleh"
ID.pronouns = _lower("dia|ia|beliau|nya")
ID.plural_pronouns = _lower("mereka|pihaknya|kami")
ID.roles = _set(
    # English titles, as Indonesian business reporting writes them: "Head of Corporate
    # Affairs Ayo Jalan, Nadia Prameswari".
    "head|chief|ceo|manager|officer|director|secretary|corporate|president|vice|"
    "menteri|menlu|menhan|presiden|wakil|ketua|juru|bicara|jubir|kepala|jenderal|perdana|"
    "direktur|jenderal|gubernur|bupati|wali|kota|anggota|duta|besar|pejabat|pengurus|"
    "sekretaris|komisaris|panglima|kapolri|kapolda|dirjen|pengamat|ekonom|"
    "seorang|pak|bu|bapak|ibu|kolonel|letnan|kapten|mayor|laksamana|brigjen|irjen|"
    # Ranks, abbreviated as the papers write them: "Mayjen Hariyanto", "Kombes Ade Ary".
    "mayjen|letjen|marsekal|letkol|kombes|akbp|brigadir|kapolres|kapuspen|"
    # The portfolios in a title: "Menteri Luar Negeri RI Sugiono", "Menteri Pertahanan".
    "luar|negeri|pertahanan|keuangan|perdagangan|energi|sumber|daya|mineral|ri|urusan|"
    "koordinator|bidang|politik|hukum|keamanan|perekonomian|kesehatan|pendidikan|"
    # Offices and callings before a name: "Kepala Staf Kepresidenan Moeldoko".
    "staf|kepresidenan|deputi|asisten|penasihat|khusus|pakar|peneliti|analis|rektor|dosen|"
    "guru|profesor|prof|dr|"
    "walikota|camat|lurah|kapolsek|komandan|jaksa|hakim|pengacara|dokter|ahli|manajer|kasi|"
    "kabid|kadis|plt|plh|sekda|dirut|aktivis|dekan"
)
ID.organisations = _set(
    "kementerian|kemendag|kemenlu|departemen|pemerintah|asosiasi|serikat|komisi|dpr|"
    "kedutaan|badan|lembaga|dinas|partai|perusahaan|gedung|istana|militer|tentara|polisi|"
    "kepolisian|pengadilan|bank|organisasi|dewan|majelis|universitas|kedubes|kantor|"
    "institut|kampus|"
    # Ministries and local governments by their short names: "juru bicara Kemlu Roy Soemirat".
    "kemlu|kemenkes|kemenkeu|kemenhan|kementan|kemenperin|kemnaker|kemensos|kemendikbud|"
    "kemenag|kemenhub|kemenko|kemenpora|kemendagri|pemkab|pemkot|pemprov|polda|polres|"
    "polsek|dinkes|perum|dprd"
)
ID.articles = _set("sang|si|para|seorang")
ID.indefinites = _set("seorang|salah")
ID.speaking_for = _set("juru|bicara|jubir|perwakilan")
ID.connectors = _set("bin|binti|van|de|al|dan")
ID.places = _set("di")
ID.place_units = _set("desa|kelurahan|kecamatan|kabupaten|kota|provinsi|dusun|kampung|nagari")
ID.local_offices = _set(
    "camat|bupati|walikota|lurah|gubernur|kapolres|kapolsek|kapolda|dandim|danrem|kades|"
    "kajari|kajati|wabup|wagub|wawali|dprd"
)
ID.compass = _set("barat|timur|utara|selatan|tengah|tenggara|barat daya|raya")
ID.told = _set("kepada|pada")
ID.opening_prepositions = _set("dalam")
ID.relatives = _set("yang")
ID.conjunctions = _set("dan|serta")
ID.openers = _set("sementara|sedangkan|tetapi|namun|sementara itu|padahal")
ID.circumstances = _set(
    "saat|ketika|usai|seusai|setelah|sebelum|dalam|di|ditemui|dihubungi|melalui|lewat"
)
ID.anonymous = _set("sumber")
ID.contrasts = _set("namun|tetapi|tapi|sebaliknya|padahal|berbeda dengan")
ID.discourse = _set(
    "sementara itu|di sisi lain|sebelumnya|selain itu|namun|di tempat terpisah|secara "
    "terpisah|dalam kesempatan itu|dalam kesempatan yang sama|menanggapi hal itu|terkait hal itu"
)
ID.skipped = _set(
    "juga|pun|telah|sudah|kembali|lalu|kemudian|sebelumnya|sempat|pernah|akan|masih|"
    "secara|terpisah|tegas|pada|hari|ini|itu|kemarin|dalam|keterangannya|resminya|hal"
)
ID.negations = NEGATIONS["id"]
ID.stopwords = _set(
    "yang|dan|di|ke|dari|untuk|dengan|pada|dalam|bahwa|ini|itu|atau|juga|akan|telah|sudah|"
    "kepada|terhadap|oleh|para|pihak|pihaknya|mereka|kami|kita|dirinya|saat|karena|sebagai|"
    "lebih|sangat|bisa|dapat|harus|boleh|termasuk|tersebut|mana|adalah|disebut|namun|tetapi|"
    "setelah|sebelum|kata|ujar|mengatakan"
)
ID.weekdays = _weekdays("senin;selasa;rabu;kamis;jumat|jum'at;sabtu;minggu|ahad")
ID.relative_days = {"kemarin": -1, "hari ini": 0}
ID.months = _set(
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
)
ID.furniture = (
    "baca juga",
    "baca",
    "simak",
    "lihat juga",
    "artikel terkait",
    "berita terkait",
    "ikuti",
    "foto",
    "video",
    "editor",
    "penulis",
    "sumber",
    "tonton",
    "dapatkan update",
)

ES = Language("es")


def _es_perfect(participles: str) -> str:
    """Spain's papers report in the perfect tense: "ha denunciado", "han pedido"."""
    return "|".join(
        f"{auxiliary} {participle}"
        for participle in participles.split("|")
        for auxiliary in ("ha", "han", "habia", "habian")
    )


_add(
    ES,
    _es_perfect(
        "dicho|afirmado|asegurado|senalado|declarado|relatado|explicado|"
        "pedido|exigido|advertido|indicado|subrayado|destacado|reconocido|"
        "anunciado|insistido|recordado|apuntado|anadido|agregado|manifestado|defendido|"
        "sostenido|calificado|lamentado|considerado|valorado|alertado|confirmado|informado|"
        "precisado|aclarado|detallado|comentado|expresado|reclamado|solicitado|instado|"
        "asegurado|admitido|avisado|remarcado|enfatizado|puntualizado|zanjado|opinado"
    ),
    Cue.SPEECH,
)
_add(
    ES,
    "dijo|dijeron|dice|dicen|afirmo|afirmaron|afirma|declaro|declaro a|declararon|declara|"
    "aseguro|aseguraron|asegura|anadio|agrego|senalo|senala|explico|explica|indico|indica|"
    "sostuvo|sostiene|advirtio|advierte|prometio|manifesto|insistio|subrayo|recalco|conto|"
    "respondio|anuncio|reconocio|critico|informo|confirmo|pidio|destaco|apunto|expreso|"
    "considero|califico|calificaron|llamo|agradecio|"
    "sentencio|zanjo|remarco|enfatizo|aclaro|detallo|puntualizo|admitio|lamento|opino|"
    "recordo|concluyo|asevero|exclamo|indicaron|senalaron|explicaron|informaron|"
    "advirtieron|confirmaron|anunciaron|sostuvieron|reconocieron|precisaron|agregaron|"
    "anadieron|manifestaron|destacaron|apuntaron|"
    "relato|relataron|relata|narro|narraron|narra|preciso|precisa|comento|comentaron|comenta|"
    "resumio|reclamo|reclamaron|reclama|cuenta|atribuyo|atribuyeron|atribuye|"
    "estima|estiman|"
    "estimo|estimaron|considera|consideran|opinan|creen",
    Cue.SPEECH,
)
_add(
    ES,
    "cifro|cifraron|cifra|cifran|situo|situaron|situa|situan|elevo|elevaron|calculo|calcularon|"
    "calcula|calculan",
    Cue.SPEECH,
)
# What a body's data say, it says: "Los datos del Consorcio … apuntan a que …".
_add(
    ES,
    "apunta a que|apuntan a que|indica que|indican que|muestra que|muestran que|revela que|"
    "revelan que",
    Cue.SPEECH,
)
_add(
    ES,
    "nego|negaron|niega|rechazo|rechazaron|rechaza|desmintio|desmiente|refuto|"
    + _es_perfect("negado|rechazado|desmentido|refutado"),
    Cue.SPEECH,
    denial=True,
)
_add(
    ES,
    "critico|criticaron|condeno|" + _es_perfect("criticado|condenado"),
    Cue.SPEECH,
    denial=True,
    accusation=True,
)
_add(
    ES,
    # "Denunciar" is to accuse (a wrong, to the public), never to deny.
    "acuso|acusaron|acusa|culpo|culparon|culpa|denuncio|denunciaron|denuncia|denuncian|"
    "reprocho|reprocharon|" + _es_perfect("acusado|culpado|denunciado|reprochado"),
    Cue.SPEECH,
    accusation=True,
)
_add(
    ES,
    "respondio|replico|contesto|insistio|"
    + _es_perfect("respondido|replicado|contestado|insistido"),
    Cue.SPEECH,
    answer=True,
)
ES.accusation_nouns = _set(
    "acusacion|acusaciones|denuncia|denuncias|criticas|critica|cifras|afirmaciones|hechos|"
    "informe|senalamientos|decision|medida|anuncio|palabras|declaraciones|dichos|version|"
    "amenaza|amenazas"
)
ES.report_nouns = _set(
    "datos|informacion|informaciones|informe|informes|noticia|noticias|publicacion|publicaciones|"
    "articulo|reportaje"
)
ES.clitics = _set("lo|la|los|las|le|les")
ES.demonstratives = _set(
    "esa|ese|esas|esos|esta|este|estas|estos|dicha|dicho|dichas|dichos|tal|tales"
)
ES.refutations = _set(
    "falso|falsa|falsos|falsas|infundado|infundada|infundados|infundadas|mentira|mentiras|"
    "calumnia|bulo|absurdo|absurda|montaje|propaganda|invento|falsedad|opone|desinformacion"
)
_add(ES, "asegurando|afirmando|anadiendo|senalando|explicando", Cue.CONTINUING)
_add(ES, "segun|de acuerdo con|segun el|segun la", Cue.ACCORDING)
_add(ES, "para", Cue.ACCORDING, opening=True)
_add(ES, "citando a|citando|citado por|que cita a|que cita|que citó a|que cito a", Cue.QUOTING)
_add(
    ES,
    "segun informo|segun informa|segun publico|publico|citadas por|citados por|citada por",
    Cue.REPORTED,
)
_add(
    ES,
    "no comenta|declino comentar|se nego a comentar|no quiso comentar|no respondio|"
    "declino hacer comentarios|no hizo comentarios|no quiso hacer declaraciones|"
    "declino referirse|declino pronunciarse|evito referirse|evito pronunciarse|"
    "no quiso referirse|no quiso pronunciarse|se nego a pronunciarse",
    Cue.NO_COMMENT,
)
ES.back_references = _set("asi")
ES.answer_openers = ("en respuesta", "respondiendo", "ante ello", "ante esto")
ES.told_earlier = ("anteriormente", "previamente")
ES.earlier_auxiliaries = _set("habia|habian")
ES.agent = "por"
ES.pronouns = _lower("él|ella")
ES.feminine = _lower("ella")
ES.plural_pronouns = _lower("ellos|ellas")
ES.body_words = _set("organismo|institucion|entidad|ente|dependencia|empresa|compania|grupo|firma")
ES.company_words = _set("empresa|compania|firma|minera|farmaceutica|constructora|grupo")
ES.roles = _set(
    "gerente|gerenta|subgerente|"
    "ministro|ministra|presidente|presidenta|portavoz|canciller|secretario|secretaria|"
    "diputado|diputada|senador|senadora|alcalde|alcaldesa|gobernador|gobernadora|director|"
    "directora|jefe|jefa|lider|legislador|legisladora|oficial|funcionario|funcionaria|"
    "embajador|embajadora|dirigente|vocero|vocera|representante|asesor|asesora|general|"
    "fuentes|fuente|vicecanciller|viceministro|viceministra|vicepresidente|vicepresidenta|"
    "subsecretario|subsecretaria|concejal|concejala|edil|regidor|regidora|defensor|defensora|"
    "juez|fiscal|experto|experta|senor|senora|sr|sra|dr|dra|coronel|capitan|teniente|"
    "comandante|almirante|sargento"
    "|abogado|abogada|coordinador|coordinadora|investigador|investigadora|profesor|profesora|"
    "analista|economista|medico|medica|doctora|enfermera|enfermero|activista|procurador|"
    "procuradora|contralor|contralora|intendente|delegado|delegada|comisionado|comisionada|"
    "rector|rectora|decano|decana|superintendente|superintendenta|especialista|consultor|"
    "consultora|ejecutivo|ejecutiva|directivo|directiva"
)
ES.organisations = _set(
    "ministerio|gobierno|sindicato|federacion|organizacion|ejercito|cuerpo|consorcio|"
    "asociacion|comision|comite|consejo|agencia|empresa|compania|embajada|partido|policia|"
    "tribunal|banco|alianza|asamblea|congreso|ayuntamiento|sanidad|union|"
    # Capitalised, an office of government: "la Secretaría de Salud del Cauca".
    "secretaria|consejeria|direccion|superintendencia|procuraduria|contraloria|fiscalia|"
    "defensoria|alcaldia|gobernacion"
)
ES.articles = _set("el|la|los|las|un|una|su|sus|este|esta")
ES.indefinites = _set("un|una|otro|otra")
ES.speaking_for = _set("portavoz|portavoza|vocero|vocera|representante")
ES.connectors = _set("de|del|la|las|los|y|van|von")
ES.told = _set("a|al|ante")
ES.told_with = _set("con")
ES.opening_prepositions = _set("en|durante")
ES.relatives = _set("que|quien|quienes|cuyo|cuya")
ES.conjunctions = _set("y|e")
ES.places = _set("en")
ES.openers = _set("mientras|mientras que|pero|aunque|sin embargo")
ES.circumstances = _set("durante|tras|en|hablando|respondiendo|al|preguntado|preguntada")
ES.anonymous = _set("fuente|fuentes")
ES.contrasts = _set("en cambio|sin embargo|no obstante|pero|por el contrario|por su parte")
ES.discourse = _set(
    "por su parte|por otra parte|en cambio|sin embargo|asimismo|ademas|mientras tanto|no "
    "obstante|de hecho|por ello|por eso|en este sentido|en respuesta"
)
ES.skipped = _set(
    "tambien|ya|luego|despues|ayer|hoy|este|esta|el|la|lunes|martes|miercoles|jueves|"
    "viernes|sabado|domingo|semana|pasada|manana|tarde|noche|recientemente|nuevamente|ha|"
    "se|le|les|anteriormente|previamente|asimismo"
)
ES.negations = NEGATIONS["es"]
ES.stopwords = _set(
    "que|con|los|las|del|una|por|como|pero|sus|esta|este|ese|esa|mas|sobre|entre|sido|han|"
    "habia|tambien|para|desde|hasta|cuando|donde|muy|todo|todos|dijo|afirmo"
)
ES.weekdays = _weekdays("lunes;martes;miercoles;jueves;viernes;sabado;domingo")
ES.relative_days = {"ayer": -1, "hoy": 0, "anoche": -1}
ES.months = _set(
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    "noviembre|diciembre|ene|abr|ago|dic"
)
ES.furniture = (
    "lea tambien",
    "lee tambien",
    "ver tambien",
    "te puede interesar",
    "mas informacion",
    "siguenos",
    "compartir",
    "foto",
    "imagen",
    "video",
    "archivo",
    "noticia relacionada",
    "relacionado",
    "suscribete",
)

FR = Language("fr")
_participles = (
    "dit|declare|affirme|indique|ajoute|assure|souligne|explique|estime|annonce|precise|"
    "promis|lance|confie|reconnu|admis|insiste|averti|martele|rappele|rappelle|juge|appele|"
    "confirme|repondu|ecrit|salue|remercie|critique|qualifie|demande|exhorte|plaide|"
    "prevenu|assene|denonce|fustige|regrette|deplore|detaille|poursuivi|commente|raconte|"
    "temoigne|observe|note|releve|signale|soutenu|reitere|defendu|evoque|reclame|resume|"
    "tranche|attribue"
)
_denials = "dementi|rejete|conteste|refute|nie|balaye|repousse"
_criticisms = "denonce|critique|fustige"
_accusations = "accuse|reproche|mis en cause"
_add(FR, _fr_past(_participles), Cue.SPEECH)
_add(FR, _fr_inverted(_participles), Cue.SPEECH, pronoun=True)
_add(
    FR,
    "affirme|declare|dit|estime|assure|indique|souligne|explique|annonce|precise|ajoute|"
    "affirment|declarent|estiment|assurent|denonce|denoncent|juge|critique|martele|"
    "rapporte|confie|ecrit|plaide|previent|"
    # The present of a report, after the quote: "…», raconte Anne Girard".
    "raconte|deplore|regrette|lance|poursuit|tranche|resume|insiste|temoigne|commente|"
    "observe|note|releve|ironise|s'indigne|s'inquiete|s'etonne|se felicite|"
    "racontent|deplorent|regrettent|insistent|temoignent",
    Cue.SPEECH,
)
_add(FR, _fr_past(_denials) + "|dement|rejette|conteste|refute|nie", Cue.SPEECH, denial=True)
_add(FR, _fr_inverted(_denials), Cue.SPEECH, denial=True, pronoun=True)
_add(FR, _fr_past(_criticisms), Cue.SPEECH, denial=True, accusation=True)
_add(FR, _fr_inverted(_criticisms), Cue.SPEECH, denial=True, accusation=True, pronoun=True)
_add(FR, _fr_past(_accusations) + "|accuse|accusent|reproche", Cue.SPEECH, accusation=True)
_add(
    FR,
    _fr_past("repondu|retorque|replique|retoque|insiste|maintenu|reagi"),
    Cue.SPEECH,
    answer=True,
)
# The present of an answer, as a report in the present writes it: "…», répond Alain Bourrel".
_add(FR, "repond|repondent|retorque|retorquent|replique|repliquent|reagit", Cue.SPEECH, answer=True)
FR.accusation_nouns = _set(
    "accusation|accusations|allegations|allegation|critiques|critique|chiffre|chiffres|"
    "decision|mesure|annonce|"
    "affirmations|propos|rapport|declarations|arguments|version|menace|menaces"
)
FR.report_nouns = _set(
    "rapport|article|articles|information|informations|publication|publications|enquete|revelations"
)
FR.demonstratives = _set("ce|cet|cette|ces|tel|telle|tels|telles")
FR.refutations = _set(
    "faux|fausse|fausses|infonde|infondee|infondes|infondees|mensonge|mensonges|calomnie|"
    "absurde|propagande|rumeur|rumeurs|fantaisiste|fantaisistes|intox|diffamation|fantasme|"
    "fantasmes|elucubrations|grotesque|desinformation|oppose"
)
_add(FR, "parle de|parlent de|evoque|evoquent|denonce|qualifie", Cue.SPEECH)
_add(FR, "fait etat de|font etat de|a fait etat de|ont fait etat de|chiffre|chiffrent", Cue.SPEECH)


def _fr_reflexive(participles: str) -> str:
    """ "s'est félicitée", "se sont inquiétés": a pronominal verb's past, which agrees."""
    return "|".join(
        f"{auxiliary} {participle}{ending}"
        for participle in participles.split("|")
        for auxiliary, endings in (("s'est", ("", "e")), ("se sont", ("s", "es")))
        for ending in endings
    )


# "« C'est une victoire », s'est félicitée Inès Carrel": praise, worry, indignation.
_add(FR, _fr_reflexive("felicite|rejoui|inquiete|indigne|alarme|emu|dit|montre"), Cue.SPEECH)
_add(FR, _fr_reflexive("defendu"), Cue.SPEECH, denial=True)
_add(
    FR,
    "estimant|affirmant|assurant|soulignant|ajoutant|expliquant|precisant|indiquant|jugeant|"
    "qualifiant|rappelant|arguant|denoncant|accusant",
    Cue.CONTINUING,
)
_add(FR, "selon|d'apres|aux dires de", Cue.ACCORDING)
_add(FR, "pour", Cue.ACCORDING, opening=True)
_add(FR, "citant|cite par|citee par|cites par|citees par|qui cite|qui citent", Cue.QUOTING)
_add(
    FR,
    "a rapporte|rapporte|ont rapporte|rapporte par|rapportee par|relaye par|citees par|"
    "cites par|citee par|cite par",
    Cue.REPORTED,
)
_add(
    FR,
    "a refuse de commenter|ont refuse de commenter|n'a pas souhaite commenter|n'a pas "
    "repondu|n'ont pas repondu|s'est refuse a tout commentaire|n'a pas donne suite|"
    "n'a pas souhaite faire de commentaire|n'ont pas souhaite commenter|n'a pas souhaite "
    "s'exprimer|n'a pas souhaite reagir",
    Cue.NO_COMMENT,
)
FR.back_references = _set("ainsi")
FR.answer_openers = ("en reponse", "repondant", "en retour")
FR.told_earlier = ("auparavant", "precedemment", "plus tot")
FR.earlier_auxiliaries = _set("avait|avaient")
FR.agent = "par"
FR.pronouns = _lower("il|elle|lui")
FR.feminine = _lower("elle")
FR.plural_pronouns = _lower("ils|elles")
FR.body_words = _set(
    "organisme|institution|instance|organisation|groupe|entreprise|societe|compagnie"
)
FR.company_words = _set("groupe|entreprise|societe|compagnie|firme|fabricant|laboratoire")
FR.roles = _set(
    "ministre|president|presidente|porte-parole|secretaire|generale|general|chef|directeur|"
    "directrice|maire|depute|deputee|senateur|senatrice|ambassadeur|ambassadrice|"
    "responsable|dirigeant|dirigeante|syndicaliste|conseiller|conseillere|juge|procureur|"
    "expert|experte|commissaire|gouverneur|premier|premiere|patron|patronne|m|mme|dr|"
    "diplomatie|chef de la diplomatie|representant|representante|colonel|capitaine|"
    "lieutenant|commandant|amiral|sergent|diplomate|diplomates|officier|haut-fonctionnaire|"
    "fonctionnaire|analyste|chercheur|chercheuse|avocat|avocate|prefet|prefete"
    "|procureure|delegue|deleguee|adjoint|adjointe|elu|elue|professeur|professeure|economiste|"
    "medecin|infirmiere|infirmier|militant|militante|pdg|coordinateur|coordinatrice|fondateur|"
    "fondatrice|gerant|gerante|magistrat|magistrate|inspecteur|inspectrice"
)
FR.organisations = _set(
    "ministere|gouvernement|commission|syndicat|union|societe|entreprise|conseil|agence|"
    "ambassade|parti|armee|police|tribunal|banque|federation|association|comite|assemblee|"
    "senat|elysee|matignon|junte|opposition|cgt|cfdt|onu|otan"
)
FR.articles = _set("le|la|les|l|un|une|des|son|sa|ses|leur|ce|cette")
FR.indefinites = _set("un|une")
FR.speaking_for = _set("porte-parole|representant|representante")
FR.connectors = _set("de|du|des|la|le|d|et|l|van|von")
FR.told = _set("a|au|aux")
FR.told_with = _set("avec")
FR.opening_prepositions = _set("dans|en")
FR.relatives = _set("qui|que|dont|lequel|laquelle")
FR.conjunctions = _set("et")
FR.places = _set("a|en")
FR.openers = _set("tandis que|tandis|alors que|mais|cependant")
FR.circumstances = _set("lors|interroge|interrogee|dans|devant|en|apres|s'exprimant")
FR.anonymous = _set("source|sources")
FR.contrasts = _set("en revanche|cependant|toutefois|mais|au contraire|pour sa part|de son cote")
FR.discourse = _set(
    "pour sa part|de son cote|en revanche|par ailleurs|cependant|toutefois|de leur cote|"
    "en reponse|dans la foulee"
)
FR.skipped = _set(
    "aussi|egalement|deja|ensuite|puis|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "hier|aujourd'hui|soir|matin|encore|meme|notamment|pourtant|ainsi|plus|tard|aussitot|"
    "immediatement|vivement|fermement|publiquement|clairement|longuement"
)
FR.negations = NEGATIONS["fr"]
FR.stopwords = _set(
    "les|des|une|que|qui|pour|dans|avec|sur|par|pas|plus|est|sont|ont|aux|son|ses|leur|"
    "leurs|cette|mais|comme|tout|tous|elle|il|nous|vous|ils|elles|avait|etait|selon"
)
FR.weekdays = _weekdays("lundi;mardi;mercredi;jeudi;vendredi;samedi;dimanche")
FR.relative_days = {"hier": -1, "aujourd'hui": 0}
FR.months = _set(
    "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    "janv|fevr|avr|juil|sept|oct|nov|dec"
)
FR.furniture = (
    "lire aussi",
    "a lire aussi",
    "lire egalement",
    "voir aussi",
    "a voir aussi",
    "sur le meme sujet",
    "suivez-nous",
    "partager",
    "photo",
    "video",
    "legende",
    "abonnez-vous",
    "newsletter",
    "publicite",
)

RU = Language("ru")
_RU_SAID = _ru_past(
    "сказал|заявил|отметил|подчеркнул|сообщил|добавил|пояснил|указал|объявил|ответил|"
    "признал|пообещал|предупредил|уточнил|напомнил|заверил|констатировал|выразил|"
    "призвал|назвал|охарактеризовал|раскритиковал|осудил|написал|рассказал|"
    "утверждал|настаивал|поблагодарил|высказал|прокомментировал|потребовал|"
    # The imperfective past, of what someone kept saying: "сообщало", "заявлял".
    "сообщал|заявлял|говорил|отмечал|подчеркивал|указывал|писал|предупреждал|называл"
)
_add(
    RU,
    _RU_SAID + "|заявляет|говорит|считает|утверждает|отмечает|подчеркивает|сообщает|указывает|"
    "называет|полагает|уверен|уверена|убежден|убеждена|"
    # …and what a body or a group says, in the plural: "В Росрыболовстве эту оценку
    # называют завышенной".
    "заявляют|говорят|считают|утверждают|отмечают|подчеркивают|сообщают|указывают|"
    "называют|полагают|"
    # The present of a report, after the quote: "…», — рассказывает Анна Смирнова".
    "рассказывает|вспоминает|признает|настаивает|сетует|жалуется|возмущается|поясняет|"
    "добавляет|уточняет|рассказывают|жалуются|возмущаются|сетуют|"
    # Reflexive verbs' past: "призналась", "пожаловались".
    "признался|призналась|признались|пожаловался|пожаловалась|пожаловались|возмутился|"
    "возмутилась|возмутились|поделился|поделилась|поделились|согласился|согласилась|"
    "согласились|посетовал|посетовала|посетовали",
    Cue.SPEECH,
)
# "Как рассказал “Ъ” заместитель руководителя ФАС …": the verb before its subject.
_add(RU, "|".join(f"как {said}" for said in _RU_SAID.split("|")), Cue.SPEECH)
_add(
    RU,
    _ru_past("отверг|опроверг|отрицал|отклонил|опровергнул|оспорил")
    + "|отвергает|опровергает|отрицает|оспаривает",
    Cue.SPEECH,
    denial=True,
)
_add(RU, _ru_past("раскритиковал|осудил"), Cue.SPEECH, denial=True, accusation=True)
_add(
    RU,
    _ru_past("обвинил|обвинял|упрекнул") + "|обвиняет|обвиняют",
    Cue.SPEECH,
    accusation=True,
)
_add(RU, _ru_past("ответил|парировал|настаивал|возразил"), Cue.SPEECH, answer=True)
RU.accusation_nouns = _set(
    "обвинения|обвинений|обвинение|утверждение|утверждения|слова|заявления|заявление|данные|критику|"
    "претензии|претензий"
)
RU.report_nouns = _set(
    "публикации|публикаций|публикацию|публикация|статью|статья|статьи|сообщения|сообщение|"
    "материал|материалы|информацию|информация"
)
RU.demonstratives = _set(
    "эту|это|эти|этих|этой|этого|этот|эта|такие|таких|подобные|подобных|данную"
)
RU.refutations = _set(
    "ложь|ложью|ложные|ложными|ложной|клевета|клеветой|абсурд|абсурдными|абсурдной|фейк|"
    "фейком|провокация|провокацией|необоснованные|необоснованными|беспочвенные|выдумка|"
    "вымысел|неправда|беспочвенными|безосновательные|безосновательными|надуманные|"
    "надуманными|вброс|вбросом|вбросы|дезинформация|дезинформацией|голословные|"
    "голословными|бездоказательные|бездоказательными|спекуляции|спекуляциями"
)
_add(RU, "по словам|по мнению|по оценке|по оценкам|по подсчетам|по расчетам", Cue.ACCORDING)
_add(
    RU,
    "по его словам|по ее словам|по их словам|по его мнению|по ее мнению|по их мнению|"
    "по его оценке|по ее оценке|по их оценке|по их подсчетам",
    Cue.ACCORDING,
    pronoun=True,
)
_add(RU, "со ссылкой на|ссылаясь на", Cue.QUOTING)
_add(
    RU,
    "как сообщило|как сообщает|как сообщил|как сообщила|как сообщили|как передает|как передало|"
    "как передала|как пишут|передает|сообщает|"
    "по данным|по информации|слова которого приводит|приводит|пишет|как пишет",
    Cue.REPORTED,
)
_add(
    RU,
    "отказался|отказалась|отказались|отказались от комментариев|от комментариев отказались|"
    "от комментариев отказался|от комментариев отказалась|не ответил на запрос|"
    "не ответили на запрос|воздержался от комментариев",
    Cue.NO_COMMENT,
)
RU.back_references = _set("так|таково")
RU.restatements = _set("об этом|о чем|об этом же")
RU.answer_openers = ("в ответ",)
RU.told_earlier = ("ранее",)
RU.pronouns = _lower("он|она")
RU.feminine = _lower("она")
RU.plural_pronouns = _lower("они|мы")
RU.roles = _set(
    # Who someone is in the story, before their name: "Пассажирка рейса Марина Ефремова".
    "пассажир|пассажирка|житель|жительница|очевидец|очевидица|"
    "министр|глава|представитель|пресс-секретарь|президент|премьер|председатель|директор|"
    "руководитель|генеральный|секретарь|спикер|посол|замминистра|заместитель|депутат|"
    "сенатор|губернатор|мэр|командующий|начальник|эксперт|аналитик|официальный|"
    "официальная|министра|генсек|полковник|генерал-майор|генерал-лейтенант|адмирал|"
    "майор|капитан|госсекретарь|президента|посла|главы|советник|помощник|дипломат|дипломата|"
    # In the genitive, as "по словам" and "со ссылкой на" put them: "по словам директора …".
    "представителя|пресс-секретаря|премьера|председателя|директора|руководителя|"
    "генерального|секретаря|спикера|заместителя|депутата|сенатора|губернатора|мэра|"
    "командующего|начальника|эксперта|аналитика|официального|советника|помощника"
    "|прокурор|судья|адвокат|экономист|профессор|врач|исследователь|сотрудник|чиновник|"
    "гендиректор|основатель|владелец|активист|активистка|уполномоченный|омбудсмен|лидер|"
    "координатор|юрист|вице-губернатор|вице-премьер|премьер-министр|зампред|ректор|декан|"
    "главврач|член|члена|прокурора|судьи|адвоката|экономиста|профессора|врача|исследователя|сотрудника|"
    "чиновника|гендиректора|основателя|владельца|активиста|уполномоченного|лидера|"
    "координатора|юриста|ректора|главврача"
)
RU.organisations = _set(
    "министерство|мид|минобороны|правительство|профсоюз|прокуратура|прокуратуре|комиссия|"
    "еврокомиссия|кремль|ведомство|компания|посольство|партия|армия|полиция|суд|банк|"
    "совет|агентство|служба|нато|оон|евросоюз|ес"
)
# No articles; the possessives stand where they would: "пояснил его директор Виктор …".
RU.articles = _set("его|ее|их|ее же|сам|сама|сами")
RU.connectors = _set("")
RU.told = _set("")
RU.relatives = _set("который|которая|которое|которые|которого|которой|чьи|слова")
RU.conjunctions = _set("и")
RU.openers = _set("а|но|однако|тогда как|в то время как")
RU.circumstances = _set("выступая|отвечая|комментируя|говоря|в|на|после|во")
RU.anonymous = _set("источник|источники|источника|источников")
RU.contrasts = _set("однако|но|впрочем|напротив|в свою очередь|же")
RU.discourse = _set("в свою очередь|между тем|при этом|однако|кроме того|тем временем|в ответ")
RU.skipped = _set(
    "также|тоже|ранее|позже|позднее|уже|вновь|снова|еще|в|во|понедельник|вторник|среду|"
    "четверг|пятницу|субботу|воскресенье|вчера|сегодня|публично|лично|официально|об|этом"
)
RU.places = _set("в|во")
RU.company_words = _set("компания|компании|холдинг|холдинге|концерн|фирма")
RU.refusals = _set("от")
RU.comments = _set("комментариев|комментария|комментариях|комментировать")
# "сообщили в надзорном ведомстве", "уточнили в компании": the body the text spoke of.
RU.body_words = _set(
    "ведомстве|ведомство|компании|компания|министерстве|министерство|службе|агентстве|"
    "организации|авиакомпании|перевозчике|управлении|департаменте|прокуратуре|комитете|"
    "комиссии|инспекции|мэрии|администрации|правительстве|фонде|банке|холдинге|ассоциации"
)
RU.speaking_for = _set("представитель|представителя|пресс-секретарь|пресс-секретаря")
# "В пресс-службе «Северного азота» отказались": the office of a body, where it spoke.
RU.offices = _set("пресс-службе|пресс-службах|пресс-центре|аппарате|офисе|штабе|руководстве")
RU.object_pointers = _set("эту|эти|этот|это|эта|этих|такие|такую|подобные|данную|данные")
RU.negations = NEGATIONS["ru"]
RU.stopwords = _set(
    "что|это|как|его|она|они|для|при|или|так|уже|также|было|были|будет|этот|эти|того|"
    "который|которые|после|более|очень|всех|свой|своей|своих"
)
RU.weekdays = _weekdays(
    "понедельник;вторник;среду|среда;четверг;пятницу|пятница;субботу|суббота;воскресенье"
)
RU.relative_days = {fold("вчера"): -1, fold("сегодня"): 0}
RU.months = _set(
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
RU.furniture = (
    "читайте также",
    "смотрите также",
    "читайте",
    "подписывайтесь",
    "фото",
    "видео",
    "источник",
    "реклама",
    "по теме",
    "новости по теме",
)


def _chars(language: Language, text: str, cue: Cue, **flags) -> None:
    for chars in text.split("|"):
        language.char_cues[chars] = CueWord(cue, **flags)


ZH = Language("zh")
_chars(
    ZH,
    "说|表示|称|指出|强调|声称|宣称|透露|介绍|认为|表明|警告|呼吁|重申|坦言|宣布|承认|证实|"
    "回应称|回应说|回应|回答说|答复|补充说|补充道|提到|谈到|说道|写道|发文称|告诉|"
    "直言|批评称|表态|发表声明说|在声明中说|声明说|坚称|辩称|解释说|介绍说|反问|质问",
    Cue.SPEECH,
)
_chars(ZH, "回应称|回应说|回应|回答说|答复|回击|坚称|辩称|反问|质问", Cue.SPEECH, answer=True)
ZH.answer_openers = ("对此", "针对此事", "针对上述", "就此")
ZH.told_earlier = ("此前", "早前", "日前")
ZH.accusation_nouns = _set("指责|指控|说法|报道|言论|声明|报告|抹黑|对此|就此|此事|行径|做法")
ZH.report_nouns = _set("报道|报告|文章|消息")
ZH.contrasts = frozenset(("不过", "但是", "然而", "但", "却", "则认为"))
ZH.demonstratives = frozenset(("上述", "这一", "这些", "这种", "该", "此"))
# "表示强烈不满和坚决反对": the objection of an official answer, as plain as a denial.
ZH.refutations = _set(
    "毫无根据|不实|谎言|抹黑|造谣|捏造|荒谬|污蔑|无中生有|子虚乌有|假新闻|纯属|不符合事实|"
    "坚决反对|强烈不满|强烈反对|虚假信息"
)
_chars(ZH, "否认|驳斥|反驳|否定|辟谣|拒绝承认|予以否认", Cue.SPEECH, denial=True)
_chars(ZH, "指责|指控|谴责|抨击|控诉|批评", Cue.SPEECH, accusation=True)
_chars(ZH, "据|根据", Cue.ACCORDING)
_chars(ZH, "援引|引述|引用", Cue.QUOTING)
_chars(ZH, "拒绝置评|拒绝评论|未予置评|不予置评|未作回应|没有回应|未回应", Cue.NO_COMMENT)
ZH.pronouns = _lower("他|她")
ZH.feminine = _lower("她")
ZH.plural_pronouns = _lower("他们|她们|该部|该公司|对方|该机构|该组织|该协会")
ZH.roles = _set(
    "研究员|副研究员|分析师|学者|所长|新闻发言人|发言人|部长|副部长|外长|总统|副总统|主席|总理|大使|官员|秘书长|国务卿|司令|"
    "局长|负责人|主任|议员|董事长|首席执行官|总裁|教授|专家|代表|会长|领导人|首相|"
    "总书记|院长|市长|州长|省长|队长|将军|上将|记者|新闻秘书|秘书|防长|国防部长|外交部长|"
    "特使|顾问|助理|参议员|众议员|长官|官房长官|副总理|外交部长|防务部长|"
    "教练|主教练|家长|球员|工作人员|律师|居民|村民|市民|上市公司|创始人|联合创始人|总监|财务总监|总经理|副总经理|经理|合伙人|首席财务官|董事|首席经济学家"
)
# Roles whose holder, unnamed, speaks for the organisation before them (外交部发言人 is the
# ministry speaking); any other role is one office's holder (美国商务部长, the secretary).
ZH_SPEAKING_FOR = _set("新闻发言人|发言人|代表|负责人|新闻秘书|秘书|专家|记者|顾问|助理")
ZH.organisations = _set(
    "部|院|局|会|署|厅|队|馆|政府|协会|公司|集团|委员会|组织|军|办|办公室|使馆|大使馆|"
    "警卫队|海警|联盟|议会|法院|银行|中心|机构|国务院|外交部|国防部|商务部|事务所"
)
ZH.weekdays = _weekdays(
    "周一|星期一;周二|星期二;周三|星期三;周四|星期四;周五|星期五;周六|星期六;周日|星期日|星期天"
)
ZH.relative_days = {"昨天": -1, "昨日": -1, "今天": 0, "今日": 0}
ZH.furniture = (
    "相关阅读",
    "延伸阅读",
    "推荐阅读",
    "阅读更多",
    "相关新闻",
    "分享到",
    "图为",
    "图片来源",
    "（图片",
    "(图片",
    "责任编辑",
    "编辑",
    "（记者",
    "(记者",
    "（完）",
    "(完)",
    "来源",
)
# Words in which a cue's characters stand without saying anything: 数据 (data), 名称
# (name), 小说 (a novel).
ZH_NOT_CUES = _lower(
    "名称|称为|称号|简称|下称|以下称|堪称|俗称|号称|小说|说法|听说|传说|说服|说明|"
    "数据|证据|依据|占据|割据|据点|指出来|表示感谢|据悉|据了解|据称|"
    # "住建局所说的12%": what someone said, named in another's statement.
    "所说|所称|所表示"
)
# Where a Chinese subject ends before its verb: a date ("11日"), a place ("在…"), a time.
ZH_SUBJECT_ENDS = (
    "在",
    "于",
    "日前",
    "此前",
    "近日",
    "今天",
    "昨天",
    "当天",
    "当地时间",
    *("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "星期",
    "上午",
    "下午",
    "晚间",
    "早前",
    "也",
    "还",
    "则",
    "又",
    "曾",
    "已",
    "再次",
    "随后",
    "同时",
    "进一步",
    "一名",
    "一位",
    "发表",
    "发布",
    "通过",
    "对此",
    "就此",
    "接受",
    "向",
    "对",
    "近期",
    "最近",
)
ZH_OF_WORDS = ("的话", "的消息", "的声明", "的说法")
# Words that open a clause without being its subject: "美方一边…，一边对…横加指责".
ZH_CLAUSE_OPENERS = ("一边", "一方面", "另一方面", "同时", "并且", "而且", "但是", "但", "并", "却")

# "el exviceministro de Salud", "l'ex-ministre", "ex-minister": a former holder of a role
# is described by it as well.
for _language in (EN, ES, FR):
    _language.roles |= {f"ex{role}" for role in _language.roles if len(role) > 3}
    _language.roles |= {f"ex-{role}" for role in _language.roles if len(role) > 3}

LANGUAGES: dict[str, Language] = {language.code: language for language in (EN, ID, ES, FR, RU, ZH)}

# News organisations recognised as relays even before the database knows them as outlets,
# and the abbreviations their credit lines use ("(ant)" is Antara).
WIRE_SERVICES = {
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "Xinhua",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "Antara",
    "Kyodo",
    "Yonhap",
    "EFE",
    "Europa Press",
    "DPA",
    "ANSA",
    "BBC",
    "CNN",
    "Al Jazeera",
    "VOA",
    "RFI",
    "ТАСС",
    "РИА Новости",
    "Интерфакс",
    "新华社",
    "路透社",
    "法新社",
    "美联社",
    "彭博社",
    "中新社",
    "中央社",
    "塔斯社",
    "共同社",
    "韩联社",
}
# What tells that a speaker is a woman or a man, for "she said" after a man spoke last:
# a role of one gender, a surname of one ("Zakharova", "Захарова"), a first name.
FEMININE_ROLES = frozenset(
    fold(word)
    for word in [
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "councilwoman",
        "mrs",
        "ms",
        "madam",
        "madame",
        "mme",
        "ministra",
        "diputada",
        "senadora",
        "presidenta",
        "alcaldesa",
        "directora",
        "portavoza",
        "syndicaliste",
        "ministre-deleguee",
        "officielle",
        "официальная",
    ]
)
MASCULINE_ROLES = frozenset(
    fold(word)
    for word in [
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "councilman",
        "mr",
        "sir",
        "diputado",
        "senador",
    ]
)
# Given names that open a name of three words, so that the first of three after a role is
# no place ("Siti Nadia Tarmizi", not "Nadia Tarmizi"): common in Indonesian names.
# Abbreviations that end a company's or a person's name with a full stop: "Toyota Motor
# Corp. has warned", "Samsung Electronics Co. said", "PT Vale Indonesia Tbk. menyatakan".
NAME_ABBREVIATIONS = _set(
    "corp|inc|co|ltd|plc|llc|bhd|tbk|jr|sr|cie|ag|gmbh|nv|bv|spa|oao|pao|zao|pvt|"
    # Titles before a name: "The hospital's dean, Dr. A. Premalatha, told Reuters".
    "dr|mr|mrs|ms|prof"
)
# Lower-case words inside a person's name ("Harsha de Silva", "Ursula von der Leyen",
# "Anwar bin Ibrahim"): between a given name and a surname they are the name's, not "of".
NAME_PARTICLES = _set("de|da|dos|van|von|der|bin|binti|ibn|al")

# "Beijing added seven more elements to its list": a verb of adding before a count adds a
# thing, says nothing.
ADDING_VERBS = _set("added|adds|anadio|agrego|ajoute|menambahkan|добавил")
# How many, before what is counted: "added seven more", "two industry sources", "dua sumber".
COUNT_WORDS = _set(
    "two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|more|new|another|"
    "dos|tres|cuatro|cinco|deux|trois|quatre|cinq|dua|tiga|empat|lima|several|plusieurs|"
    "varias|varios|beberapa|два|две|три|двух|трех|нескольких|несколько"
)
# "Pour la première fois, …": "premier" is a role only in "Premier ministre".
ORDINAL_ROLES = _set("premier|premiere|primer|primera|primero")
# A Russian patronymic: "Сергей Викторович Иванов", "Мария Владимировна Захарова".
PATRONYMIC_ENDINGS = ("ович", "евич", "ич", "овна", "евна", "ична", "инична")
# A body's name may end in a plural of its kind: "Health and Human Services".
BODY_NAME_ENDS = _set("services|affairs")
# "a déclaré sur France Inter le ministre", "said on CNN the senator": where it spoke.
MEDIA_PREPOSITIONS = _set("sur|on")

GIVEN_NAMES = frozenset(
    [
        "siti",
        "sri",
        "nur",
        "muhammad",
        "mohammad",
        "mohamad",
        "moh",
        "ahmad",
        "achmad",
        "abdul",
        "dewi",
        "putri",
        "agus",
        "budi",
        "yusuf",
        "joko",
        "bambang",
        "hendra",
        "rizal",
        "tri",
        "eko",
        "dwi",
    ]
)
FEMININE_FIRST_NAMES = frozenset(
    fold(word)
    for word in [
        "maria",
        "marie",
        "mariya",
        "anna",
        "ana",
        "elena",
        "yelena",
        "olga",
        "natalia",
        "natalya",
        "irina",
        "svetlana",
        "tatiana",
        "ekaterina",
        "yekaterina",
        "valentina",
        "yulia",
        "kamala",
        "hillary",
        "nancy",
        "ursula",
        "kaja",
        "annalena",
        "giorgia",
        "marine",
        "angela",
        "theresa",
        "liz",
        "kristi",
        "karine",
        "karoline",
        "janet",
        "gina",
        "linda",
        "madeleine",
        "samantha",
        "nikki",
        "tulsi",
        "jen",
        "sarah",
        "susan",
        "emily",
        "elizabeth",
        "catherine",
        "kate",
        "jessica",
        "jennifer",
        "michelle",
        "melania",
        "jill",
        "claudia",
        "cristina",
        "dilma",
        "mariana",
        "sandra",
        "laura",
        "carmen",
        "isabel",
        "lucia",
        "sofia",
        "dewi",
        "sri",
        "siti",
        "retno",
        "puan",
        "megawati",
        "susi",
        "rini",
        "nurul",
        "khofifah",
        "segolene",
        "elisabeth",
        "anne",
        "sophie",
        "christine",
        "agnes",
        "rachida",
        "valerie",
        "nathalie",
        "isabelle",
        "brigitte",
        "ellen",
        "mary",
        "margaret",
        "helen",
        "julia",
        "alice",
        "carla",
        "rosa",
        "ana",
        "ines",
        "marta",
        "elisa",
        "paula",
        "beatriz",
        "veronica",
        "monica",
        "мария",
        "анна",
        "елена",
        "ольга",
        "наталья",
        "ирина",
        "светлана",
        "татьяна",
        "екатерина",
        "валентина",
        "юлия",
    ]
)
FEMININE_SURNAME_ENDINGS = ("ova", "eva", "yova", "ina", "skaya", "ова", "ева", "ина", "ская")
MASCULINE_SURNAME_ENDINGS = ("ov", "ev", "yov", "sky", "skiy", "ов", "ев", "ин", "ский")

# Words that say the name after them is a news outlet: "state broadcaster CCTV", "the
# newspaper Kommersant", "kantor berita RIA Novosti", "агентство Интерфакс".
MEDIA_WORDS = frozenset(
    fold(word)
    for word in [
        "broadcaster",
        "agency",
        "newspaper",
        "daily",
        "tabloid",
        "television",
        "channel",
        "outlet",
        "website",
        "magazine",
        "weekly",
        "wire",
        "berita",
        "media",
        "harian",
        "televisi",
        "stasiun",
        "situs",
        "majalah",
        "agencia",
        "diario",
        "periodico",
        "cadena",
        "television",
        "canal",
        "revista",
        "agence",
        "quotidien",
        "journal",
        "chaine",
        "hebdomadaire",
        "агентство",
        "агентства",
        "газета",
        "газеты",
        "телеканал",
        "телеканала",
        "издание",
        "издания",
    ]
)
# A credit line's short names for an outlet: "(ant)" is Antara; a story credited "中新网"
# on 中国新闻网 is its own.
CREDIT_ABBREVIATIONS = {
    "ant": "Antara",
    "rtr": "Reuters",
    "afp": "AFP",
    "ap": "AP",
    "中新网": "中国新闻网",
    "环球网": "环球时报",
}
# Platforms a statement was posted on: the last hop a citation relays ("on Telegram").
# The words before a platform named by one letter: "la red social X", "platform X".
PLATFORM_X_BEFORE = frozenset(
    {"social", "sosial", "platform", "plataforma", "reseau", "соцсети", "соцсеть", "платформе"}
)
PLATFORMS = {
    "telegram",
    "twitter",
    "facebook",
    "instagram",
    "weibo",
    "youtube",
    "tiktok",
    "vk",
    fold("ВКонтакте"),
    "微博",
    "微信",
}
