"""Questions about where a treaty stands today: "has Nigeria ratified the Budapest
Convention?", "is Brazil a party to Lanzarote?", "which countries have signed it?"; and who
holds a post today ("who is the current Secretary General of the Council of Europe?").

The texts held here say how a State becomes a Party (Budapest Art. 36 and 37), never which
States are Parties now: that changes every year, and the Council of Europe Treaty Office keeps
the chart. Quoting Art. 36 as the answer would suggest the bot knows; so such a question is
declined with a pointer to the chart. A question about one State gets no programme passage
either (the 2014 list of Parties says nothing of Brazil today); a question about which States
may get the FAQ's dated count ("which countries have ratified the Budapest Convention?").
"""

from __future__ import annotations

import re
from functools import cache

from index.other_law import english_country_names
from index.text import fold

_BECOMING = r"(?:ratif\w*|acced\w*|signed|joined|become\s+(?:a\s+)?part(?:y|ies))"
_STATE = (
    r"(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+"
    r"(?:already\s+|yet\s+|now\s+|finally\s+|ever\s+|eventually\s+|actually\s+)?"
)
# What a treaty's own words name in a State's place: "which authority did the Convention designate?"
_NOT_A_STATE = (
    r"(?:the\s+)?(?:Convention|Protocol|Treaty|Council|Part(?:y|ies)|Article|Committee|T-CY"
    r"|Secretary|Government|Court|State)\b"
)
# One State named: "has Nigeria ratified", "did Ghana sign", "is Brazil a party to"; in
# Spanish, Portuguese, French and Russian: "¿Ha ratificado México ...?", "O Brasil ratificou
# ...?", "Le Maroc a-t-il ratifié ...?", "Ратифицировала ли Россия ...?".
_ONE_STATE = re.compile(
    rf"\b(?i:has|have|did)\s+{_STATE}(?:{_BECOMING}|ratify|accede|sign|join)\b"
    rf"|\b(?i:is|are)\s+{_STATE}(?:a\s+)?(?:party|parties|signatory|signatories|state\s+party)"
    r"\s+(?:to|of|in)\b"
    # asked as a yes-or-no question: "¿Ha ratificado ...", "O Brasil ratificou ...", ...
    r"|^\W*(?i:ha|han)\s+ratificado\b"
    r"|^\W*(?:[OoAa]s?\s+)?[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)?\s+(?:já\s+)?ratificou\b"
    r"|\ba-t-(?:il|elle)\s+(?:d[ée]j[àa]\s+|bien\s+)?(?:ratifi|adh[ée]r|sign)"
    # the verb, then the State: "¿En qué fecha ratificó Mauricio ...?", "quando ratificou o Brasil"
    r"|\b(?:ratific[óo]|ratificou|firm[óo]|assinou|se\s+adhiri[óo]\s+a?)\s+(?:[oa]\s+|el\s+|la\s+)?"
    r"(?-i:[A-ZÀ-Ý])"
    # what one State declared or reserved: "which reservations did Japan enter",
    # "which authorities did Ukraine designate"; its 24/7 contact point today
    rf"|\b(?i:which|what)\s+(?:[\w-]+\s+){{0,2}}(?i:did|has|have)\s+(?!{_NOT_A_STATE}){_STATE}"
    r"(?i:enter|make|made|designat\w*|notif\w*|declar\w*|reserv\w*)\b"
    r"|^\W*(?i:ратифицировал\w*)\s+ли\b"
)
# Which States: "which countries have ratified", "the ratification status of the protocol".
_WHICH_STATES = re.compile(
    rf"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:countries|states|nations)\s+(?:have\s+|has\s+)?"
    r"(?:already\s+|actually\s+|since\s+|so\s+far\s+)?"
    rf"(?:{_BECOMING}|are\s+(?:parties|party|signatories|members))\b"
    r"|\b(?:ratification|signature)s?\s+status\b|\bstatus\s+of\s+(?:ratifications?|signatures?)\b"
    r"|\bchart\s+of\s+signatures\b"
    # the latest to join: "which country most recently ratified the Lanzarote Convention?"
    r"|\b(?:which|what)\s+(?:country|state|nation)\s+(?:was\s+the\s+)?(?:most\s+recently|last|latest)"
    r"\s+(?:to\s+)?(?:ratif\w*|acced\w*|join\w*|sign\w*)"
    r"|\b(?:latest|last|newest|most\s+recent)\s+(?:country|state|party|countries|states|parties)"
    r"\s+to\s+(?:ratify|accede|join|sign)\b"
    # how many to date: "how many States have ratified it so far?", "combien d'États l'ont
    # ratifié à ce jour", "¿cuántos países lo han ratificado hasta hoy?"
    r"|\b(?:how\s+many|combien|cu[áa]nt[oa]s|quant[oa]s|сколько)\b[^?.!]{0,60}"
    r"(?:ratif\w*|acced\w*|adh[ée]r\w*|adhes\w*|parties|sign\w*|firm\w*|assin\w*|подпис\w*"
    r"|присоедин\w*)[^?.!]{0,80}"
    r"\b(?:to\s+date|so\s+far|today|now|currently|yet|as\s+of\s+(?:this|today|now)"
    r"|à\s+ce\s+jour|aujourd'hui|actuellement"
    r"|hasta\s+(?:hoy|la\s+fecha|ahora)|hoy|actualmente|at[ée]\s+(?:hoje|agora|o\s+momento)"
    r"|hoje|atualmente|на\s+сегодня|сейчас|к\s+настоящему\s+времени)(?!\w)",
    re.IGNORECASE,
)


# Whether a treaty applies in a State: "Is the Budapest Convention applicable in India?",
# "does Lanzarote apply to Brazil?", "is Convention 108 in force in Japan?" (a country's name
# follows: "does article 2 apply to Facebook?" asks the law)
_APPLIES_IN = re.compile(
    r"\b(?i:is|are|does|do)\s+(?:the\s+)?[\w\s.-]{0,60}?\b"
    r"(?i:appl(?:y|ies|icable)|in\s+force|binding|valid|enforceable)\s+(?i:in|to|for|on)\s+"
    r"(?:the\s+)?(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
)


def asks_status_of_one(text: str) -> bool:
    """Whether ``text`` asks whether a named State is a Party to a treaty, or bound by it."""
    if _ONE_STATE.search(text):
        return True
    applies = _APPLIES_IN.search(text)
    return applies is not None and fold(applies["state"]) in _countries()


@cache
def _countries() -> frozenset[str]:
    return frozenset(english_country_names())


def asks_which_states(text: str) -> bool:
    """Whether ``text`` asks which States are Parties to a treaty."""
    return bool(_WHICH_STATES.search(text))


# Who holds a post today: the programme documents name office holders as of 2010 to 2014, and
# a treaty article that names the Secretary General is no answer either.
_POST = (
    r"(?:secretary[\s-]+general|head|chair(?:man|person|woman)?|president|director"
    r"|coordinator|executive\s+secretary|secretary|commissioner|minister)"
)
_NOW = (
    r"(?:now|right\s+now|currently|today|these\s+days|at\s+the\s+moment|at\s+present"
    r"|in\s+20[2-9]\d)"
)
_HOLDER_NOW = re.compile(
    rf"\bwho\s+(?:is|are)\s+(?:the\s+)?(?:current|present|new|incumbent)\s+(?:[\w-]+\s+){{0,2}}"
    rf"{_POST}\b"
    rf"|\bwho\s+(?:is|are)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}{_POST}\b[^?.!]{{0,60}}\b{_NOW}\b"
    rf"|\bwho\s+(?:currently\s+)?(?:heads|chairs|leads|runs)\b[^?.!]{{0,60}}\b{_NOW}\b"
    # the head of an organisation or a State, asked in the present: no document of 2010 to
    # 2014 says who it is now ("who is the secretary general of the council of europe")
    r"|\bwho(?:\s+is|'s)\s+(?:the\s+)?(?:secretary[\s-]+general|president|prime\s+minister"
    r"|high\s+commissioner)\s+of\b(?![^?.!]*\b(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


# The same in French, Spanish, Portuguese and Russian: who, a post, and now, in any order.
_WHO_ABROAD = re.compile(r"\b(?:qui|qui[ée]n|quem|кто)\b", re.IGNORECASE)
_POST_ABROAD = re.compile(
    r"\b(?:secr[ée]taire\s+g[ée]n[ée]ral\w*|secretari[oa]\s+general|secret[áa]ri[oa]-geral"
    r"|pr[ée]sid\w*|dire(?:c)?t(?:eu)?r\w*|chef\w*|jef[ea]|генеральн\w*\s+секретар\w*"
    r"|председател\w*|руководител\w*|директор\w*|глав\w*)",
    re.IGNORECASE,
)
_NOW_ABROAD = re.compile(
    r"\b(?:actuel\w*|actualmente|actual|atual\w*|aujourd'hui|en\s+ce\s+moment|ahora|hoy"
    r"|agora|hoje|сейчас|сегодня|теперь|нынешн\w*)(?!\w)|в\s+настоящее\s+время",
    re.IGNORECASE,
)


def asks_who_holds_a_post_now(text: str) -> bool:
    """Whether ``text`` asks who holds a post today."""
    if _HOLDER_NOW.search(text):
        return True
    return all(p.search(text) for p in (_WHO_ABROAD, _POST_ABROAD, _NOW_ABROAD))


# What the Council of Europe's bodies do now or next: their meetings, rounds and places.
_BODY = re.compile(
    r"\b(?:t-cy|octopus|lanzarote\s+committee|committee\s+of\s+the\s+parties"
    r"|cybercrime\s+convention\s+committee|glacy\+?|c-proc|plenar(?:y|ies)|monitoring\s+round"
    r"|evaluation\s+round|council\s+of\s+europe|(?-i:CoE))\b",
    re.IGNORECASE,
)
_NEXT = re.compile(
    r"\b(?:next|upcoming|current|currently|latest|this\s+year|next\s+year"
    r"|20(?:1[5-9]|[2-9]\d))\b",
    re.IGNORECASE,
)
# A post or a place with a body: "apply for a traineeship with the Council of Europe".
_JOINING = re.compile(
    r"\b(?:traineeships?|internships?|vacanc(?:y|ies)|job\s+openings?|recruit\w*"
    r"|apply\s+for\s+(?:a\s+)?(?:job|post|position))\b",
    re.IGNORECASE,
)


def asks_what_a_body_does_now(text: str) -> bool:
    """Whether ``text`` asks what a Council of Europe body does now or next, or how to join
    it ("when is the next T-CY plenary?", "which country will the Lanzarote Committee
    evaluate next?"): the documents end in 2014, and the agenda is asked first."""
    body = _BODY.search(text)
    return bool(body and (_NEXT.search(text) or _JOINING.search(text)))
