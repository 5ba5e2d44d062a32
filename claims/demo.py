"""The demo dataset: one real article (Kontan, 16 October 2024) turned into linked claims.

Every Kontan quote below is a sentence exactly as the article prints it, so each one
verifies against the stored body. Reuters' report and the Russian defence ministry's
Telegram post are known only from being cited: they are hops of Kontan's citations, not
sources of their own.
"""

import datetime
from pathlib import Path

from django.db import transaction

from claims.models import Citation, Claim, ClaimRelation, Hop, Role, Speaker, Topic
from sources.models import Outlet, Source

ARTICLE_FILE = (
    Path(__file__).resolve().parent.parent / "sources/demo/kontan-2024-10-16-rusia-china.txt"
)
WIB = datetime.timezone(datetime.timedelta(hours=7), "WIB")

OUTLETS = {
    "kontan": dict(
        name="Kontan",
        kind=Outlet.Kind.NEWSPAPER,
        homepage="https://www.kontan.co.id/",
        country="ID",
    ),
    "reuters": dict(
        name="Reuters",
        kind=Outlet.Kind.WIRE_AGENCY,
        homepage="https://www.reuters.com/",
        country="GB",
    ),
    "mod_telegram": dict(
        name="Russian Ministry of Defence (Telegram)",
        kind=Outlet.Kind.GOVERNMENT,
        homepage="https://t.me/mod_russia",
        country="RU",
    ),
}

SPEAKERS = {
    "belousov": dict(
        name="Andrei Belousov",
        kind=Speaker.Kind.PERSON,
        description="Minister of Defence of Russia",
        country="RU",
        aliases="Belousov\nAndrey Belousov\nAndrei Belousov\nMenhan Rusia\nАндрей Белоусов",
    ),
    "zhang": dict(
        name="Zhang Youxia",
        kind=Speaker.Kind.PERSON,
        description="Vice-Chairman, Central Military Commission of China",
        country="CN",
        aliases="Zhang\n张又侠",
    ),
    "putin": dict(
        name="Vladimir Putin",
        kind=Speaker.Kind.PERSON,
        description="President of Russia",
        country="RU",
        aliases="Putin\nВладимир Путин",
    ),
    "xi": dict(
        name="Xi Jinping",
        kind=Speaker.Kind.PERSON,
        description="President of China",
        country="CN",
        aliases="Xi\n习近平",
    ),
    "ru_mod": dict(
        name="Ministry of Defence of Russia",
        kind=Speaker.Kind.ORGANISATION,
        description="Ministry of Defence of the Russian Federation",
        country="RU",
        aliases="kementerian pertahanan Rusia\nRussian defence ministry\nМинобороны России",
    ),
    "cn_mod": dict(
        name="Ministry of National Defense of China",
        kind=Speaker.Kind.ORGANISATION,
        description="Ministry of National Defense of the People's Republic of China",
        country="CN",
        aliases="Kementerian Pertahanan China\nChinese defence ministry\n国防部",
    ),
    "cn_mfa": dict(
        name="Ministry of Foreign Affairs of China",
        kind=Speaker.Kind.ORGANISATION,
        description="Ministry of Foreign Affairs of the People's Republic of China",
        country="CN",
        aliases="Kementerian Luar Negeri China\nChinese foreign ministry\n外交部",
    ),
    "lin_jian": dict(
        name="Lin Jian",
        kind=Speaker.Kind.PERSON,
        description="Spokesperson of China's Ministry of Foreign Affairs",
        country="CN",
        aliases="林剑",
    ),
    "cn_military": dict(
        name="Chinese military",
        kind=Speaker.Kind.ORGANISATION,
        description="People's Liberation Army of China",
        country="CN",
        aliases="militer China\nPLA\nPeople's Liberation Army",
    ),
    "us": dict(
        name="United States",
        kind=Speaker.Kind.GOVERNMENT,
        description="Government of the United States",
        country="US",
        aliases="AS\nAmerika Serikat\nUS\nUSA\nWashington",
    ),
    "china": dict(
        name="China",
        kind=Speaker.Kind.GOVERNMENT,
        description="Government of the People's Republic of China",
        country="CN",
        aliases="Tiongkok\nBeijing\nPRC\n中国",
    ),
    "russia": dict(
        name="Russia",
        kind=Speaker.Kind.GOVERNMENT,
        description="Government of the Russian Federation",
        country="RU",
        aliases="Rusia\nMoskow\nMoscow\nРоссия",
    ),
    "taiwan": dict(
        name="Taiwan",
        kind=Speaker.Kind.GOVERNMENT,
        description="Government of Taiwan",
        country="TW",
        aliases="pemerintah Taiwan\nTaipei",
    ),
}

TOPICS = {
    "ties": "Russia–China military ties",
    "dual_use": "Dual-use goods",
    "taiwan": "Taiwan",
    "ukraine": "War in Ukraine",
}

# Each claim: its key, speaker, kind, topics, English translation, the date stated, and the
# Kontan sentence that carries it (the claim text is that sentence, as the article words it).
CLAIMS = [
    dict(
        key="belousov_united",
        speaker="belousov",
        kind=Claim.Kind.DIRECT_QUOTE,
        topics=["ties"],
        stated_on=datetime.date(2024, 10, 15),
        text="Departemen militer Rusia dan China bersatu dalam penilaian mereka terhadap proses global, dan mereka memiliki pemahaman bersama tentang apa yang perlu dilakukan dalam situasi saat ini.",
        translation="The military departments of Russia and China are united in their assessment of global processes, and they have a common understanding of what needs to be done in the current situation.",
        quote="Departemen militer Rusia dan China bersatu dalam penilaian mereka terhadap proses global, dan mereka memiliki pemahaman bersama tentang apa yang perlu dilakukan dalam situasi saat ini.",
    ),
    dict(
        key="belousov_talks",
        speaker="belousov",
        kind=Claim.Kind.PARAPHRASE,
        topics=["ties"],
        stated_on=datetime.date(2024, 10, 15),
        text='Belousov mengatakan dia bertemu dengan wakil ketua komisi militer pusat China, Zhang Youxia untuk pembicaraan "yang sangat substantif".',
        translation='Belousov said he met the vice-chairman of China\'s Central Military Commission, Zhang Youxia, for "very substantive" talks.',
        quote='Belousov mengatakan dia bertemu dengan wakil ketua komisi militer pusat China, Zhang Youxia untuk pembicaraan "yang sangat substantif".',
    ),
    dict(
        key="belousov_partnership",
        speaker="belousov",
        kind=Claim.Kind.PARAPHRASE,
        topics=["ties"],
        stated_on=datetime.date(2024, 10, 15),
        text="Putin dan Xi juga sepakat untuk memperdalam kemitraan strategis mereka, kata Belousov, tanpa memberikan perincian lebih jauh.",
        translation="Putin and Xi also agreed to deepen their strategic partnership, Belousov said, without giving further details.",
        quote="Putin dan Xi juga sepakat untuk memperdalam kemitraan strategis mereka, kata Belousov, tanpa memberikan perincian lebih jauh.",
    ),
    dict(
        key="belousov_decisions",
        speaker="belousov",
        kind=Claim.Kind.PARAPHRASE,
        topics=["ties"],
        stated_on=datetime.date(2024, 10, 15),
        text="Belousov juga menambahkan, dirinya yakin bahwa pekerjaan yang membuahkan hasil dan adopsi keputusan yang signifikan dan berbobot akan segera dilakukan.",
        translation="Belousov added that he was confident fruitful work and the adoption of significant, weighty decisions would follow soon.",
        quote="Belousov juga menambahkan, dirinya yakin bahwa pekerjaan yang membuahkan hasil dan adopsi keputusan yang signifikan dan berbobot akan segera dilakukan.",
    ),
    dict(
        key="cn_mod_ties",
        speaker="cn_mod",
        kind=Claim.Kind.PARAPHRASE,
        topics=["ties"],
        stated_on=datetime.date(2024, 10, 15),
        text="Kementerian Pertahanan China mengatakan setelah pertemuan tersebut, kedua belah pihak berharap untuk memperdalam dan memperluas hubungan militer dan mempertahankan pertukaran tingkat tinggi.",
        translation="China's defence ministry said after the meeting that both sides hope to deepen and expand military ties and keep up high-level exchanges.",
        quote="Kementerian Pertahanan China mengatakan setelah pertemuan tersebut, kedua belah pihak berharap untuk memperdalam dan memperluas hubungan militer dan mempertahankan pertukaran tingkat tinggi.",
    ),
    dict(
        key="russia_asia",
        speaker="russia",
        kind=Claim.Kind.PARAPHRASE,
        topics=["ties", "taiwan"],
        stated_on=None,
        text='Rusia mengatakan pada minggu lalu bahwa pihaknya berdiri bersama China dalam isu-isu Asia, termasuk kritik terhadap upaya AS untuk memperluas pengaruhnya dan "upaya yang disengaja" untuk mengobarkan situasi di sekitar Taiwan.',
        translation='Russia said last week that it stands with China on Asian issues, including criticism of US efforts to expand its influence and "deliberate attempts" to inflame the situation around Taiwan.',
        quote='Rusia mengatakan pada minggu lalu bahwa pihaknya berdiri bersama China dalam isu-isu Asia, termasuk kritik terhadap upaya AS untuk memperluas pengaruhnya dan "upaya yang disengaja" untuk mengobarkan situasi di sekitar Taiwan.',
    ),
    dict(
        key="us_dual_use",
        speaker="us",
        kind=Claim.Kind.PARAPHRASE,
        topics=["dual_use", "ukraine"],
        stated_on=None,
        text="AS mengatakan China mendukung upaya perang Rusia di Ukraina dengan memasok apa yang disebut barang-barang dengan penggunaan ganda, termasuk mikroelektronika, yang dapat membantu Rusia membuat senjata.",
        translation="The US says China supports Russia's war effort in Ukraine by supplying so-called dual-use goods, including microelectronics, that can help Russia make weapons.",
        quote="AS mengatakan China mendukung upaya perang Rusia di Ukraina dengan memasok apa yang disebut barang-barang dengan penggunaan ganda, termasuk mikroelektronika, yang dapat membantu Rusia membuat senjata.",
    ),
    dict(
        key="china_denial",
        speaker="china",
        kind=Claim.Kind.PARAPHRASE,
        topics=["dual_use", "ukraine"],
        stated_on=None,
        text="China mengatakan bahwa pihaknya tidak menyediakan persenjataan kepada pihak mana pun, dan bahwa perdagangan normal dengan Rusia tidak boleh diganggu atau dibatasi.",
        translation="China says it does not provide weapons to any party, and that normal trade with Russia must not be disrupted or restricted.",
        quote="China mengatakan bahwa pihaknya tidak menyediakan persenjataan kepada pihak mana pun, dan bahwa perdagangan normal dengan Rusia tidak boleh diganggu atau dibatasi.",
    ),
    dict(
        key="pla_taiwan",
        speaker="cn_military",
        kind=Claim.Kind.PARAPHRASE,
        topics=["taiwan"],
        stated_on=None,
        text="Militer China berjanji untuk mengambil tindakan lebih lanjut terhadap Taiwan jika diperlukan.",
        translation="China's military pledged to take further action against Taiwan if necessary.",
        quote="militer China berjanji untuk mengambil tindakan lebih lanjut terhadap Taiwan jika diperlukan",
    ),
]

# Relays: who Kontan has the words through, nearest first (outlet key, the day relayed).
RELAYS = {
    "belousov_united": [
        ("reuters", datetime.date(2024, 10, 15)),
        ("mod_telegram", datetime.date(2024, 10, 15)),
    ],
    "belousov_talks": [("reuters", datetime.date(2024, 10, 15))],
}

# Claims the article carries in more than one passage: the lead sums up the talks.
MORE_PASSAGES = {
    "belousov_talks": [
        'Rusia dan China mengadakan pembicaraan pertahanan dan militer yang "substantif" untuk memperkuat hubungan.'
    ],
}

# Who speaks for whom (speaker, title, organisation, speaks for it, from).
ROLES = [
    ("belousov", "Minister of Defence", "ru_mod", True, datetime.date(2024, 5, 14)),
    ("ru_mod", "Ministry of the government", "russia", True, None),
    ("cn_mod", "Ministry of the government", "china", True, None),
    ("cn_mfa", "Ministry of the government", "china", True, None),
    ("lin_jian", "Spokesperson", "cn_mfa", True, None),
    ("zhang", "Vice-Chairman, Central Military Commission", "cn_military", False, None),
]

RELATIONS = [
    # (claim, counter, kind, note)
    (
        "us_dual_use",
        "china_denial",
        ClaimRelation.Kind.DENIES,
        "China denies supplying weapons to anyone; the US speaks of dual-use goods, not weapons.",
    ),
    (
        "belousov_talks",
        "cn_mod_ties",
        ClaimRelation.Kind.SUPPORTS,
        "Both sides' accounts of the Beijing meeting agree.",
    ),
]


def kontan_body() -> str:
    """The article text from the lead to the last paragraph, without title, dateline and
    the site's footer."""
    text = ARTICLE_FILE.read_text(encoding="utf-8")
    start = text.index("Rusia dan China mengadakan")
    end = text.index("#kontantv")
    return text[start:end].strip()


@transaction.atomic
def load_demo() -> dict[str, int]:
    outlets = {
        key: Outlet.objects.get_or_create(name=fields["name"], defaults=fields)[0]
        for key, fields in OUTLETS.items()
    }
    kontan = Source.objects.get_or_create(
        title="Kompak Kritik Amerika, Rusia dan China Memperkuat Hubungan Militer",
        outlet=outlets["kontan"],
        defaults=dict(
            kind=Source.Kind.ARTICLE,
            language="id",
            published_at=datetime.datetime(2024, 10, 16, 21, 45, tzinfo=WIB),
            body=kontan_body(),
            notes="Kontan's report, relaying Reuters, on Belousov's talks in Beijing.",
        ),
    )[0]
    speakers = {
        key: Speaker.objects.get_or_create(name=fields["name"], defaults=fields)[0]
        for key, fields in SPEAKERS.items()
    }
    topics = {key: Topic.objects.get_or_create(name=name)[0] for key, name in TOPICS.items()}

    claims = {}
    for entry in CLAIMS:
        claim, created = Claim.objects.get_or_create(
            speaker=speakers[entry["speaker"]],
            text=entry["text"],
            defaults=dict(
                language="id",
                kind=entry["kind"],
                translation=entry["translation"],
                stated_on=entry["stated_on"],
            ),
        )
        if created:
            claim.topics.set([topics[key] for key in entry["topics"]])
        claims[entry["key"]] = claim
        # Kontan has each passage of a relayed claim through the same hops.
        for quote in [entry["quote"], *MORE_PASSAGES.get(entry["key"], [])]:
            citation = _cite(claim, kontan, quote)
            if not citation.hops.exists() and entry["key"] in RELAYS:
                citation.set_hops(
                    [
                        Hop.named(OUTLETS[outlet]["name"], date=day)
                        for outlet, day in RELAYS[entry["key"]]
                    ]
                )

    for speaker, title, organisation, speaks_for, start in ROLES:
        Role.objects.get_or_create(
            speaker=speakers[speaker],
            title=title,
            organisation=speakers[organisation],
            defaults=dict(speaks_for=speaks_for, start=start),
        )

    for claim_key, counter_key, kind, note in RELATIONS:
        ClaimRelation.objects.get_or_create(
            claim=claims[claim_key],
            counter=claims[counter_key],
            defaults=dict(kind=kind, note=note),
        )

    return {
        "outlets": Outlet.objects.count(),
        "sources": Source.objects.count(),
        "speakers": Speaker.objects.count(),
        "topics": Topic.objects.count(),
        "claims": Claim.objects.count(),
        "citations": Citation.objects.count(),
        "relations": ClaimRelation.objects.count(),
        "roles": Role.objects.count(),
    }


def _cite(claim: Claim, source: Source, quote: str) -> Citation:
    citation = Citation(claim=claim, source=source, quote=quote)
    citation.anchor()
    if existing := citation.same_passage().first():
        return existing
    citation.full_clean()
    citation.save()
    return citation
