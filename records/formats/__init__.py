"""How dates and times are written in each interface language (settings.FORMAT_MODULE_PATH).

Templates name a format (`|date:"DATETIME_FORMAT"`), never spell one out, so a time reads
21:45 on an English page and 21.45 on an Indonesian one. The names, as this app uses them:

- DATE_FORMAT: a day in full, "16 October 2024" (a claim's date on its own page).
- SHORT_DATE_FORMAT: a day in a list or a line of metadata, "16 Oct 2024".
- DATETIME_FORMAT: a moment to the minute, "16 Oct 2024, 21:45".
- TIME_FORMAT: a time to the second, for history, where two edits may share a minute.

Numbers keep Django's own separators for each language.
"""
