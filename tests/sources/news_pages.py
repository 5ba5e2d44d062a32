"""Pages in the shape real news pages have: a header, the site's navigation, the article
with its <meta> dates and Open Graph tags, a photo caption, share buttons, a teaser of
related stories, a footer. Each in its language and charset, with what a researcher would
enter for it (`expected`) and the boilerplate that must stay out (`boilerplate`)."""

import datetime
from dataclasses import dataclass, field
from html import escape


@dataclass
class NewsPage:
    key: str
    language: str
    charset: str  # how the bytes are written
    site_name: str
    homepage: str
    url: str
    title: str
    author: str
    paragraphs: list[str]
    published_meta: str  # article:published_time as the page prints it
    published: datetime.date | datetime.datetime
    nav: list[str]
    related: list[str]
    caption: str
    footer: str
    declare: str = "header"  # where the charset is said: header, meta, bom, nowhere
    boilerplate: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.boilerplate = [*self.nav, *self.related, self.caption, self.footer]

    def html(self) -> str:
        meta_charset = f'<meta charset="{self.charset}">' if self.declare == "meta" else ""
        nav = "".join(
            f'<li><a href="/{i}">{escape(item)}</a></li>' for i, item in enumerate(self.nav)
        )
        related = "".join(
            f'<li><a href="/related/{i}">{escape(item)}</a></li>'
            for i, item in enumerate(self.related)
        )
        paragraphs = "".join(f"<p>{escape(text)}</p>" for text in self.paragraphs)
        date_meta = (
            f'<meta property="article:published_time" content="{self.published_meta}">'
            if self.published_meta
            else ""
        )
        return f"""<!DOCTYPE html>
<html lang="{self.language}">
<head>
{meta_charset}
<title>{escape(self.title)} | {escape(self.site_name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(self.title)}">
<meta property="og:site_name" content="{escape(self.site_name)}">
<meta property="og:url" content="{self.url}">
<meta name="author" content="{escape(self.author)}">
{date_meta}
<link rel="canonical" href="{self.url}">
</head>
<body>
<header class="site-header"><a class="logo" href="/">{escape(self.site_name)}</a>
<form class="search"><input name="q" placeholder="Search"></form></header>
<nav class="main-nav"><ul>{nav}</ul></nav>
<main>
<article>
<h1>{escape(self.title)}</h1>
<div class="byline">{escape(self.author)}</div>
<figure><img src="/photo.jpg" alt=""><figcaption>{escape(self.caption)}</figcaption></figure>
<div class="article-body">{paragraphs}</div>
<div class="share"><a href="https://facebook.com/sharer?u={self.url}">Facebook</a>
<a href="https://twitter.com/intent/tweet?url={self.url}">Twitter</a>
<a href="https://wa.me/?text={self.url}">WhatsApp</a></div>
</article>
<aside class="related"><h2>Related</h2><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><p>{escape(self.footer)}</p></footer>
</body>
</html>"""

    def content(self) -> bytes:
        data = self.html().encode(self.charset)
        return ("\ufeff".encode() + data) if self.declare == "bom" else data

    def content_type(self) -> str:
        return f"text/html; charset={self.charset}" if self.declare == "header" else "text/html"


WIB = datetime.timezone(datetime.timedelta(hours=7))
MSK = datetime.timezone(datetime.timedelta(hours=3))

PAGES = [
    NewsPage(
        key="kontan",
        language="id",
        charset="utf-8",
        site_name="Kontan",
        homepage="https://www.kontan.co.id/",
        url="https://internasional.kontan.co.id/news/rusia-dan-china-bersatu",
        title="Rusia dan China Bersatu dalam Penilaian Proses Global",
        author="Prihastomo Wahyu Widodo",
        paragraphs=[
            "Menteri Pertahanan Rusia Andrei Belousov mengatakan pada hari Rabu bahwa "
            "departemen militer Rusia dan China bersatu dalam penilaian mereka terhadap "
            "proses global.",
            "Belousov bertemu dengan Wakil Ketua Komisi Militer Pusat China Zhang Youxia "
            "di Moskow untuk pembicaraan yang sangat substantif, menurut pernyataan "
            "kementerian di Telegram.",
            "Amerika Serikat mengatakan China mendukung upaya perang Rusia di Ukraina "
            "dengan memasok barang-barang penggunaan ganda, termasuk mikroelektronika.",
            "China membantah tuduhan itu dan mengatakan tidak memberikan senjata kepada "
            "pihak mana pun, dan perdagangan normal dengan Rusia tidak boleh diganggu.",
        ],
        published_meta="2024-10-16T21:45:00+07:00",
        published=datetime.datetime(2024, 10, 16, 21, 45, tzinfo=WIB),
        nav=["Keuangan", "Investasi", "Bisnis Internasional"],
        related=["Harga emas Antam hari ini naik tajam", "IHSG ditutup melemah pada sesi kedua"],
        caption="Foto ilustrasi gedung Kementerian Pertahanan di Moskow. REUTERS/Maxim Shemetov",
        footer="Hak cipta © 2024 Kontan. Seluruh hak dilindungi undang-undang.",
    ),
    NewsPage(
        key="lemonde",
        language="fr",
        charset="windows-1252",
        site_name="Le Quotidien",
        homepage="https://www.lequotidien.example/",
        url="https://www.lequotidien.example/international/article/2024/10/17/moscou-pekin.html",
        title="Moscou et Pékin affichent leur entente militaire",
        author="Élise Lefèvre",
        paragraphs=[
            "Le ministre russe de la défense, Andreï Belooussov, a déclaré mercredi que les "
            "armées russe et chinoise partageaient « la même évaluation des processus "
            "mondiaux ».",
            "Les États-Unis accusent la Chine de fournir à la Russie des biens à double "
            "usage, notamment des composants électroniques, qui l’aident à fabriquer des "
            "armes.",
            "Pékin dément et affirme que ses échanges commerciaux « normaux » avec Moscou ne "
            "doivent être ni perturbés ni restreints.",
        ],
        published_meta="2024-10-17",
        published=datetime.date(2024, 10, 17),
        nav=["International", "Économie", "Culture"],
        related=["Élections américaines : ce qu’il faut savoir", "Météo : un automne très doux"],
        caption="Andreï Belooussov à Moscou, le 16 octobre 2024. Photo d’archives.",
        footer="© Le Quotidien — Tous droits réservés. Mentions légales.",
    ),
    NewsPage(
        key="xinhua",
        language="zh",
        charset="gbk",
        declare="meta",
        site_name="新华网",
        homepage="http://www.news.example.cn/",
        url="http://www.news.example.cn/world/2024-10/17/c_1130.htm",
        title="中俄两军将深化军事合作",
        author="记者 王明",
        paragraphs=[
            "中央军委副主席张又侠十六日在莫斯科会见俄罗斯国防部长别洛乌索夫。双方表示，"
            "愿进一步深化和拓展两军关系，保持高层交往。",
            "中方表示，中国从未向冲突任何一方提供武器，中俄之间的正常贸易不应受到干扰和限制。",
            "别洛乌索夫说，两国元首达成的重要共识为两军关系发展指明了方向。",
        ],
        published_meta="2024-10-17T08:30:00+08:00",
        published=datetime.datetime(
            2024, 10, 17, 8, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
        ),
        nav=["首页", "国际", "财经", "体育"],
        related=["国内油价迎来年内第十次下调", "秋季旅游市场持续升温"],
        caption="图为会见现场。新华社记者摄",
        footer="版权所有 新华网 未经授权禁止转载",
    ),
    NewsPage(
        key="nikkei",
        language="ja",
        charset="shift_jis",
        site_name="日本経済新報",
        homepage="https://www.keizai.example.jp/",
        url="https://www.keizai.example.jp/article/DGXZQ1017",
        title="ロシアと中国、軍事協力の深化で一致",
        author="モスクワ支局 佐藤健",
        paragraphs=[
            "ロシアのベロウソフ国防相は十六日、モスクワで中国の張又侠中央軍事委員会副主席と"
            "会談し、両国の軍が世界情勢について同じ評価を共有していると述べた。",
            "米国は中国が半導体などの軍民両用品を供給し、ロシアの戦争を支えていると批判している。",
            "中国側はいかなる当事者にも武器を提供していないと反論した。",
        ],
        published_meta="2024-10-17T06:00:00+09:00",
        published=datetime.datetime(
            2024, 10, 17, 6, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9))
        ),
        nav=["トップ", "経済", "政治", "国際"],
        related=["日経平均、続落で引ける", "円相場、一時１５０円台に"],
        caption="会談に臨むベロウソフ国防相（右）＝ロイター",
        footer="日本経済新報社 無断転載を禁じます。",
    ),
    NewsPage(
        key="tass",
        language="ru",
        charset="utf-8",
        declare="bom",
        site_name="Новости Дня",
        homepage="https://novosti.example.ru/",
        url="https://novosti.example.ru/politika/21912345",
        title="Белоусов: военные ведомства России и Китая едины в оценках",
        author="Иван Петров",
        paragraphs=[
            "Министр обороны России Андрей Белоусов заявил, что военные ведомства России и "
            "Китая едины в оценках глобальных процессов.",
            "Встреча с заместителем председателя Центрального военного совета КНР Чжан "
            "Юся прошла в Москве и была очень содержательной.",
            "По словам Белоусова, в ближайшее время последуют плодотворная работа и важные "
            "решения.",
        ],
        published_meta="2024-10-16T17:45:00+03:00",
        published=datetime.datetime(2024, 10, 16, 17, 45, tzinfo=MSK),
        nav=["Политика", "Экономика", "Спорт"],
        related=["Курс доллара снизился на торгах", "Погода в Москве на выходные"],
        caption="Андрей Белоусов. Фото пресс-службы",
        footer="© Новости Дня. Все права защищены.",
    ),
]

BY_KEY = {page.key: page for page in PAGES}
