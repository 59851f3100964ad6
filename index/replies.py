"""What answers say besides what they quote: the notes declining a question and where to go
instead, the note that treaty texts are quoted in English, and the suggestions offered when
nothing answers. Front ends translate them through their catalogs (``bot/catalogs.py``).
"""

from __future__ import annotations

from index.notes import Note

# Said once under an answer to a question written in another language, in the asker's language.
# The front ends translate the English one (its template) through their catalogs; the others
# serve the CLI and front ends without a catalog for the asker's language.
TREATIES_IN_ENGLISH = Note("Treaty texts are quoted in English, the version this bot holds.")
ENGLISH_TEXTS = {
    "en": TREATIES_IN_ENGLISH,
    **{
        language: Note.said(text, TREATIES_IN_ENGLISH)
        for language, text in {
            "fr": "Les textes des traités sont cités en anglais, la version que ce bot détient.",
            "es": "Los textos de los tratados se citan en inglés, la versión que tiene este bot.",
            "pt": "Os textos dos tratados são citados em inglês, a versão que este bot possui.",
            "ru": "Тексты договоров приводятся на английском языке: другой версии у бота нет.",
        }.items()
    },
}
WHICH_SECOND_PROTOCOL = Note(
    "“Second Additional Protocol” is read here as the one to the 1959 Mutual Assistance "
    "Convention (ETS 182); the Budapest Convention's Second Additional Protocol (CETS 224) is "
    "not among the texts I hold."
)
NOT_TRANSLATED = Note(
    "I hold the treaty texts in English only and do not translate them: here is the English text."
)
# What a declined question is told: why not, and where to go instead.
OUT_OF_SCOPE = {
    "venue": Note(
        "Venue, travel and practical questions are for the organisers' desk: "
        "I answer on the treaties, the programme documents and the agenda (/agenda)."
    ),
    "helpdesk": Note(
        "That is not something I can help with: I answer on the Council of Europe "
        "treaties, the programme documents and the agenda."
    ),
    "status": Note(
        "I hold the treaty texts, not the current chart of signatures and ratifications: the "
        "Council of Europe Treaty Office keeps it (https://www.coe.int/en/web/conventions). "
        "The programme documents give a 2014 count: ask “how many countries are party to the "
        "Budapest Convention?”."
    ),
    "other_law": Note(
        "I hold only Council of Europe treaties, not a country's own laws or other "
        "organisations' texts, so I will not guess what they say. Ask how the treaties deal with "
        "it, e.g. “what does the Budapest Convention say about illegal access?”."
    ),
    "howto": Note(
        "I answer what the treaties and the programme documents say, not how to use forensic or "
        "investigative tools and services. Ask what the treaties provide, e.g. “how can data "
        "held abroad be preserved?”."
    ),
    "technique": Note(
        "I don't explain how techniques or technologies work: the treaties make acts crimes "
        "and set out how States cooperate. Ask how they treat an act, e.g. “is cryptojacking a "
        "crime under the Budapest Convention?”."
    ),
    "misuse": Note("I can't help with that. I answer on the Council of Europe treaties."),
    "opinion": Note(
        "I don't give opinions: I quote what the treaties and the programme documents say. "
        "Ask what they provide, e.g. “what does Article 15 say about safeguards?”."
    ),
    "advice": Note(
        "I can't advise on your own case: I quote what the treaties and the programme "
        "documents say, and the police or a lawyer where you are can advise you. Ask what the "
        "treaties provide, e.g. “is hacking into an account a crime under the Budapest "
        "Convention?”."
    ),
    "unstated": Note(
        "The programme documents I hold do not state that figure. Ask what they do state, "
        "e.g. “where and when was the Tokyo workshop?”."
    ),
    "unnamed": Note(
        "The programme documents I hold do not name that person. Ask what they do state, "
        "e.g. “who moderated IGF workshop 23?”."
    ),
    "not_named": Note(
        "The programme documents I hold do not name one. Ask what they do state, e.g. “where "
        "and when was the Tokyo workshop?”."
    ),
    "planned": Note(
        "The programme documents I hold list that only as planned; they do not say how it "
        "went. Ask what they do state, e.g. “what was planned for February 2010?”."
    ),
    "contacts": Note(
        "I don't hold phone numbers, e-mail addresses or other contact details of contact "
        "points, authorities or companies: the organisers' desk may help. I answer on what the "
        "treaties and the programme documents say, e.g. “what is the 24/7 network?”."
    ),
    "task": Note(
        "I don't draft letters, requests or orders: I quote what the treaties and the "
        "programme documents say. Ask what they provide, e.g. “what must a preservation "
        "request say?” or “art 29(2)”."
    ),
    "organisation": Note(
        "I hold the treaty texts and the programme's documents (2009 to 2014), not the Council "
        "of Europe's current news, posts or calendar: see https://www.coe.int/cybercrime."
    ),
}
OUT_OF_SCOPE["trivia"] = OUT_OF_SCOPE["helpdesk"]  # chit-chat: what the help desk is told
OUT_OF_SCOPE["named_law"] = OUT_OF_SCOPE["other_law"]
DECLINING = frozenset(OUT_OF_SCOPE.values())
SUGGESTIONS = (
    Note("Cite an article: “art 29(3)”, “Lanzarote art 23”, “Convention 108 art. 12”"),
    Note("Ask about a topic: “how long can data be preserved?”, “what is the 24/7 network?”"),
    Note("Use /help to see everything I can do"),
)
