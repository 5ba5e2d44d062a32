"""The quote assistant on how reporting pairs a statement with what answers it (issue 12):
criticism is answered as well as answering."""

from assistant.rules import suggest


def denied_by(body, **kwargs):
    """Each suggestion's quote → the quotes it denies."""
    found = suggest(body, **kwargs)
    quotes = {(s.start, s.end): s.quote for s in found}
    return {s.quote: [quotes[span] for span in s.denies] for s in found}


def test_criticism_is_answered_by_the_rejection_that_follows():
    body = (
        "Le Premier ministre hongrois Viktor Orbán a dénoncé jeudi une « ingérence » de "
        "Bruxelles dans les affaires de son pays.\n\n"
        "La présidente de la Commission a salué de son côté l'accord conclu avec Kiev.\n\n"
        "Le commissaire européen à la Justice Michael McGrath a rejeté ces critiques."
    )
    pairs = denied_by(body)
    rejection = next(quote for quote in pairs if quote.startswith("Le commissaire"))
    assert pairs[rejection] == [next(quote for quote in pairs if "Orbán" in quote)]
