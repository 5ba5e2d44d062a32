"""ClaimReview markup shaped like what fact-checkers publish (written for these tests),
each with the quirks real markup has."""

import json

# English, as a US fact-checker marks up a ruling: a Claim with its author and where it
# appeared, a six-step scale given as strings, the review's own author and date.
ENGLISH = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example.org/2024/oct/17/rick-perry-texas-jobs/",
    "claimReviewed": "Texas created more jobs last year than the other 49 states combined.",
    "datePublished": "2024-10-17",
    "author": {
        "@type": "Organization",
        "name": "Example Fact",
        "url": "https://factcheck.example.org/",
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {
            "@type": "Person",
            "name": "Rick Perry",
            "jobTitle": "Former Governor of Texas",
        },
        "datePublished": "2024-10-15",
        "appearance": [
            {
                "@type": "CreativeWork",
                "url": "https://news.example.com/2024/10/15/perry-speech",
                "headline": "Perry says Texas leads the nation in jobs",
                "publisher": {"@type": "Organization", "name": "Example News"},
                "datePublished": "2024-10-15",
            },
            "https://video.example.net/watch/perry-townhall",
        ],
    },
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": "1",
        "bestRating": "6",
        "worstRating": "1",
        "alternateName": "Pants on Fire",
    },
}

# Indonesian, embedded in a fact-checking article's page: an @type array, the http
# context, the legacy CreativeWork item (the post the claim was in), its author an
# organisation, and a rating given by its words alone.
INDONESIAN = {
    "@context": "http://schema.org",
    "@type": ["ClaimReview"],
    "url": "https://cekfakta.example.id/2024/10/18/hoaks-menhan-rusia",
    "claimReviewed": "Menteri Pertahanan Rusia mengumumkan pangkalan militer di Jakarta.",
    "datePublished": "2024-10-18T09:30:00+07:00",
    "inLanguage": "id",
    "author": {"@type": "Organization", "name": "Cek Fakta Contoh"},
    "itemReviewed": {
        "@type": "CreativeWork",
        "url": "https://social.example.com/posts/998877",
        "author": {"@type": "Organization", "name": "Akun Berita Viral"},
        "datePublished": "2024-10-16",
    },
    "reviewRating": {"@type": "Rating", "alternateName": "Salah"},
}

INDONESIAN_PAGE = (
    "<!doctype html><html lang='id'><head><title>[HOAKS] Pangkalan militer</title>"
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@type": "Organization", "name": "Cek Fakta Contoh"}</script>'
    '<script type="application/ld+json">'
    + json.dumps(INDONESIAN, ensure_ascii=False)
    + "</script></head><body><p>Klaim ini salah.</p></body></html>"
)

# Spanish, as a feed: a DataFeed of DataFeedItems, "type" where "@type" belongs, and
# numbers as strings on a scale of its own.
SPANISH_REVIEW = {
    "type": "ClaimReview",
    "url": "https://verifica.example.es/falso-vacuna-chip/",
    "claimReviewed": "La vacuna contiene un microchip de rastreo.",
    "datePublished": "2024-09-02",
    "author": {"type": "Organization", "name": "Verifica Ejemplo"},
    "itemReviewed": {
        "type": "Claim",
        "author": {"type": "Person", "name": "Usuario Anónimo", "description": "Usuario de redes"},
        "inLanguage": "es",
        "firstAppearance": {
            "type": "CreativeWork",
            "url": "https://social.example.com/posts/112233",
            "name": "Publicación viral",
        },
    },
    "reviewRating": {
        "type": "Rating",
        "alternateName": "Engañoso",
        "ratingValue": "2",
        "bestRating": "5",
        "worstRating": "1",
    },
}
SPANISH_FEED = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "name": "Verificaciones",
    "dataFeedElement": [
        {"@type": "DataFeedItem", "dateCreated": "2024-09-02", "item": [SPANISH_REVIEW]},
        {
            "@type": "DataFeedItem",
            "item": {
                **SPANISH_REVIEW,
                "url": "https://verifica.example.es/verdadero-pib/",
                "claimReviewed": "El PIB creció un 2,5 % en 2023.",
                "itemReviewed": {
                    "type": "Claim",
                    "author": {"type": "GovernmentOrganization", "name": "Gobierno de España"},
                    "inLanguage": "es",
                },
                "reviewRating": {"type": "Rating", "ratingValue": 5, "bestRating": 5},
            },
        },
    ],
}

# Google Fact Check Tools' claim search answer.
GOOGLE = {
    "claims": [
        {
            "text": "China supplies weapons to Russia.",
            "claimant": "Social media posts",
            "claimDate": "2024-10-14T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "Example Checks", "site": "checks.example.org"},
                    "url": "https://checks.example.org/china-weapons",
                    "title": "No evidence China supplies weapons to Russia",
                    "reviewDate": "2024-10-20T00:00:00Z",
                    "textualRating": "Unproven",
                    "languageCode": "en",
                }
            ],
        }
    ],
    "nextPageToken": "abc",
}

MEDIA_REVIEW = {
    "@context": "https://schema.org",
    "@type": "MediaReview",
    "url": "https://factcheck.example.org/video-edited",
    "mediaAuthenticityCategory": "TransformedContent",
    "itemReviewed": {"@type": "MediaReviewItem"},
}
