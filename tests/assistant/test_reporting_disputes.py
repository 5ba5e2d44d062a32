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


def test_spains_perfect_tense_reports_and_denunciar_accuses():
    body = (
        "La asociación Pro Derechos ha denunciado este jueves que la policía retuvo a doce "
        "jornaleros sin asistencia letrada durante dos días.\n\n"
        '"Los tuvieron dos días sin abogado y sin agua", ha relatado la portavoz de la '
        "asociación, Ana Ruiz.\n\n"
        "La Delegación del Gobierno ha negado esas acusaciones."
    )
    pairs = denied_by(body)
    assert len(pairs) == 3
    denial = next(quote for quote in pairs if quote.startswith("La Delegación"))
    assert pairs[denial] == [next(quote for quote in pairs if "ha denunciado" in quote)]
