"""Questions that name the programme's own material: "according to the Tokyo slides", "in the
2010 activity report", "as quoted in the presentation". What they ask is stated there, so a
passage of a programme document that states it answers first, before the articles that share
its words ("how many States had ratified the Budapest Convention according to the 2014
slides?" had quoted Art. 36 on signature, with the slide only beside it).
"""

from __future__ import annotations

import re

_MATERIAL = re.compile(
    r"\b(?:according\s+to|in|from|on|by|as\s+(?:quoted|stated|said|shown|listed)\s+in)\s+"
    r"(?:the|this|that|a|his|her|their)\s+"
    r"(?!explanatory\b)(?:[\w/@.-]+\s+){0,4}?"
    r"(?:presentation|slides?|slide\s+deck|talk|speech|keynote|activity\s+report|report|update"
    r"|workshop\s+note|note|programme\s+document|flyer|leaflet|brochure|handout)s?\b"
    # in French, Spanish, Portuguese and Russian: "sur la brochure de l'atelier 23", "según el
    # informe de actividades", "na apresentação de Tóquio", "в презентации"
    r"|\b(?:(?:selon|dans|sur|d'apr[èe]s|seg[úu]n|en|segundo)\s+(?:la|le|les|l'|el|los|las|a|o"
    r"|os|as)\s*|(?:na|no|nos|nas)\s+)(?:[\w-]+\s+){0,3}?(?:brochure|pr[ée]sentation|diapositives?|rapport"
    r"|d[ée]pliant|folleto|presentaci[óo]n|diapositivas?|informe|folheto|apresenta[çc][ãa]o"
    r"|diapositivos?|relat[óo]rio)s?\b(?!\s+explicati)"
    r"|\b(?:в|на|по|согласно)\s+(?:[\w-]+\s+){0,2}?(?:слайд|презентаци|доклад|отч[её]т|брошюр)\w*",
    re.IGNORECASE,
)


def cites_programme(text: str) -> bool:
    """Whether ``text`` says it asks what the programme's slides, talks or reports state."""
    return _MATERIAL.search(text) is not None


# An event asked about as past: "quand a eu lieu l'atelier de Tokyo ?", "where was the ASEAN
# workshop held?", "¿dónde se celebró ...?", "Где проходил семинар ...?". The desks answer
# for the event at hand; a past one is the programme documents' to state.
_PAST = re.compile(
    r"\b(?:took\s+place|was\s+held|were\s+held|did\s+(?:[\w-]+\s+){1,6}?(?:take\s+place|meet)"
    r"|a\s+eu\s+lieu|ont\s+eu\s+lieu|s'est\s+tenu\w*|se\s+sont\s+tenu\w*"
    r"|se\s+celebr[óo]|tuvo\s+lugar|se\s+realiz[óo]|ocorreu|foi\s+realizad[oa]|teve\s+lugar"
    r"|aconteceu|проходил\w*|состоял\w*|прошл[аои]?)\b",
    re.IGNORECASE,
)


def asks_about_the_past(text: str) -> bool:
    """Whether ``text`` asks when or where an event took place."""
    return _PAST.search(text) is not None


# What a count or a sum asks for: "how many participants attended ...", "what was the budget
# of ...", "how much money did Microsoft contribute ...".
_HOW_MANY = re.compile(
    r"\bhow\s+many\s+((?:[\w-]+\s+){0,3}?)(?:were|was|are|is|did|do|does|have|has|had|took"
    r"|attended|came|got|received|joined|participated|signed|ratified|in|at|from|of|per)\b",
    re.IGNORECASE,
)
_SUM = re.compile(
    r"\b(?:budget|how\s+much\s+(?:money|funding)|how\s+much\s+did\s+[\w\s-]{1,40}?\s+"
    r"(?:contribute|give|pay|spend|cost))\b",
    re.IGNORECASE,
)
_MONEY = re.compile(r"\b(?:budget|eur|euros?|usd|dollars?|million|billion)\b|[€$£]", re.IGNORECASE)
# people counted under other names: "how many people attended" is said "40 participants"
# (each word without its plural "s", as the words compared are)
_PEOPLE = frozenset(
    word.rstrip("s")
    for word in (
        "people ppl persons individuals participants attendees delegates experts representatives"
    ).split()
)


def states_what_is_counted(question: str, passages: list[str]) -> bool:
    """Whether one of ``passages`` can state the count or sum ``question`` asks for: it says
    a word of what is counted ("how many judges ..." needs "judges"), or an amount of money
    for a budget or a contribution. A passage on the right workshop that never counts its
    participants does not answer "how many participants attended?"; a question that asks no
    count or sum is not judged."""
    text = " ".join(passages).casefold()
    if _SUM.search(question) and not _MONEY.search(text):
        return False
    counted = _HOW_MANY.search(question)
    if counted is None:
        return True
    asked = [w for w in re.findall(r"[\w-]+", counted.group(1).casefold()) if len(w) > 2]
    if not asked:
        return True
    said = set(re.findall(r"[\w-]+", text))
    wanted = {w.rstrip("s") for w in asked}
    if wanted & _PEOPLE:
        wanted |= _PEOPLE
    return any(w.rstrip("s") in wanted for w in said)
