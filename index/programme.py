"""Questions that name the programme's own material: "according to the Tokyo slides", "in the
2010 activity report", "as quoted in the presentation". What they ask is stated there, so a
passage of a programme document that states it answers first, before the articles that share
its words ("how many States had ratified the Budapest Convention according to the 2014
slides?" had quoted Art. 36 on signature, with the slide only beside it).
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import Levenshtein

from index.offtopic import asks_for_an_article
from index.text import MONTHS, STOP_WORDS, fold, stem_token

_MATERIAL = re.compile(
    r"\b(?:according\s+to|in|from|on|by|as\s+(?:quoted|stated|said|shown|listed)\s+in)\s+"
    r"(?:the|this|that|a|his|her|their)\s+"
    r"(?!explanatory\b)(?:[\w/@.-]+\s+){0,4}?"
    r"(?:presentation|slides?|slide\s+deck|talk|speech|keynote|activity\s+report|report|update"
    r"|workshop\s+note|note|programme\s+document|flyer|leaflet|brochure|handout)s?\b"
    # a slide by its title or of a talk: "what does the What next? slide list?", "the slide
    # What next? of the Tokyo presentation"
    r"|\bof\s+the\s+(?:[\w/@.-]+\s+){1,4}?(?:presentation|slides|slide\s+deck|talk|keynote"
    r"|activity\s+report|workshop\s+note|flyer|leaflet|brochure)\b"
    r"|\bthe\s+(?:\S+\s+){1,6}?(?:slide|deck)\s+(?:say|says|list|lists|show|shows|state|states"
    r"|mention|mentions|give|gives|label|labels|call|calls|describe|describes|sum|sums)\b"
    r"|\bthe\s+slide\s+(?:titled|called|entitled|headed)\b"
    # in French, Spanish, Portuguese and Russian: "sur la brochure de l'atelier 23", "según el
    # informe de actividades", "na apresentação de Tóquio", "в презентации"
    r"|\b(?:(?:selon|dans|sur|d'apr[èe]s|seg[úu]n|en|segundo)\s+(?:la|le|les|l'|el|los|las|a|o"
    r"|os|as)\s*|(?:na|no|nos|nas)\s+)(?:[\w-]+\s+){0,3}?(?:brochure|pr[ée]sentation|diapositives?|rapport"
    r"|d[ée]pliant|folleto|presentaci[óo]n|diapositivas?|informe|folheto|apresenta[çc][ãa]o"
    r"|diapositivos?|relat[óo]rio|diapos?|slides?|fiche|ficha|mise\s+[àa]\s+jour|actualizaci[óo]n"
    r"|atualiza[çc][ãa]o|documento)s?\b(?!\s+explicati)"
    r"|\b(?:в|на|по|согласно)\s+(?:[\w-]+\s+){0,2}?(?:слайд|презентаци|доклад|отч[её]т|брошюр"
    r"|документ|обновлени)\w*",
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
    r"|aconteceu|проходил\w*|состоял\w*|прошл[аои]?|встречал\w*|met\s+with"
    r"|s'est\s+r[ée]uni\w*|se\s+reuni[óo]|se\s+reuniu|reuniu-se"
    # "how many were there": "¿cuántos hubo?", "quantos houve?", "сколько было?"
    r"|hubo|houve|y\s+avait|il\s+y\s+a\s+eu|было|были"
    r"|cu[áa]ndo\s+fue|d[óo]nde\s+fue|quando\s+foi|onde\s+foi|quand\s+[ée]tait|o[ùu]\s+[ée]tait)\b",
    re.IGNORECASE,
)


def asks_about_the_past(text: str) -> bool:
    """Whether ``text`` asks when or where an event took place."""
    return _PAST.search(text) is not None


# What a count or a sum asks for: "how many participants attended ...", "what was the budget
# of ...", "how much money did Microsoft contribute ...", "combien de participants ...".
_HOW_MANY = re.compile(
    r"\bhow\s+many\s+((?:[\w-]+\s+){0,5}?)(?:were|was|are|is|did|do|does|have|has|had|took"
    r"|attended|came|got|received|joined|participated|signed|ratified|answered|ran|in|at|from"
    r"|per)\b"
    r"|\b(?:combien\s+d[e']\s*|cu[áa]nt[oa]s\s+|quant[oa]s\s+|сколько\s+)([\w-]+(?:\s+[\w-]+){0,2})",
    re.IGNORECASE,
)
# Money a project had, in the five languages: its budget, how much money it got
_MONEY_ASKED = (
    r"budget|how\s+much\s+(?:money|funding)|presupuesto|or[çc]amento|бюджет|cu[áa]nto\s+dinero"
    r"|quanto\s+dinheiro|combien\s+d'argent|сколько\s+денег"
    # what it cost or who gave how much: "combien a coûté ...", "¿cuánto aportó Estonia?"
    r"|combien\s+(?:a|ont)\s+(?:co[ûu]t[ée]|vers[ée]|donn[ée]|contribu[ée]|apport[ée]|pay[ée])"
    r"|cu[áa]nto\s+(?:cost[óo]|aport[óo]|contribuy[óo]|pag[óo]|don[óo])"
    r"|quanto\s+(?:custou|contribuiu|pagou|doou|deu)|сколько\s+(?:стоил|внес|заплатил|выделил)"
)
# ... and what something cost or was paid: a fee, a price, a contribution
_SUM = re.compile(
    rf"\b(?:{_MONEY_ASKED}|fees?|price|how\s+much\s+(?:did|does|was|is)\s+[\w\s@-]{{1,40}}?"
    r"\s*(?:contribute|give|pay|spend|cost|put|fee|worth)|in\s+(?:euros?|dollars?|eur|usd))\w*",
    re.IGNORECASE,
)
# an amount of money: "Up to EURO 1.4 million", "€ 30,000", "2 million euros"
_MONEY = re.compile(
    r"(?:\b(?:eur|euros?|usd|us\$|chf|gbp)\b|[€$£])\s*\d"
    r"|\d[\d.,]*\s*(?:(?:million|billion|m|k)\s*)?(?:\b(?:eur|euros?|usd|dollars?|chf|gbp)\b|[€$£])",
    re.IGNORECASE,
)
# what is counted, said in other words: "how many people attended" is said "40 participants",
# "how many countries" "42 States"; in the asker's language too
_SAID_AS = (
    frozenset(
        "people ppl person individual participant attendee delegate expert representative "
        "judge prosecutor lawyer "
        "personne persona pessoa participante участник человек делегат juge juez jueces juiz "
        "juízes procureur fiscal procurador судья судей прокурор".split()
    ),
    frozenset(
        "country state party nation pays país paí estado état etat страна государство".split()
    ),
)
# a number ("About 40", "130+", "some 50") and the words that follow it, or a label and the
# number it is given ("Participants: 40"); not a year, a day of a date or a list's "1."
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*\+?")
_LIST_MARK = re.compile(r"\.(?:\s|$)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH = re.compile(r"\s*[-–]?\s*\d*\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_LABELLED = re.compile(r"([^\W\d][\w-]*)\s*[:=]\s*\d")
COUNTED_WITHIN = 6  # words after a number that may say what it counts
_WORD = re.compile(r"[^\W\d][\w-]*")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def _counted_words(text: str) -> set[str]:
    """The words a number in ``text`` counts: "some 50 cybercrime and information security
    experts" counts experts; "8-10 Dec Cairo ... 1. Training workshop for judges" counts
    nothing."""
    said: set[str] = set()
    for number in _NUMBER.finditer(text):
        if _YEAR.fullmatch(number.group()) or _MONTH.match(text, number.end()):
            continue
        if _LIST_MARK.match(text, number.end()):
            continue
        after = _WORD.findall(text[number.end() : number.end() + 120])[:COUNTED_WITHIN]
        said.update(_singular(w) for w in after)
    said.update(_singular(m.group(1)) for m in _LABELLED.finditer(text))
    return said


def _singular(word: str) -> str:
    """The word as compared: without its plural ("countries", "States", "участники")."""
    word = word.casefold()
    for plural, single in (("ies", "y"), ("ses", "s"), ("s", ""), ("и", ""), ("ы", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[: -len(plural)] + single
    return word


def states_what_is_counted(question: str, passages: list[str]) -> bool:
    """Whether one of ``passages`` can state the count or sum ``question`` asks for: a
    number given to what is counted ("how many judges ..." needs "12 judges", not "judges"
    alone), or an amount of money for a budget, a fee or a contribution. A passage on the
    right workshop that never counts its participants does not answer "how many
    participants attended?"; a question that asks no count or sum is not judged."""
    # in the passage shown first: a sum in the next one is another project's ("what was the
    # budget of CyberCrime@EAP?" had the Global Project's shown under the EAP line)
    if states_no_sum_asked(question, passages[0] if passages else ""):
        return False
    if _SUM.search(question) and not _gives_sum_of(question, passages):
        return False
    asked = _counted_asked(question)
    if not asked:
        return True
    wanted = set(asked)
    for group in _SAID_AS:
        if any(_among(w, group) for w in asked):
            wanted |= group
    if wanted == set(asked) and not any(_LATIN.search(w) for w in asked):
        return True  # "сколько проектов": Russian words are not compared with English ones
    # each passage's own: the words after a number ending one are not what it counts
    return any(_among(w, wanted) for passage in passages for w in _counted_words(passage))


# Who is asked to have given a sum: "how much did Microsoft contribute", "how much money, in
# euros, did the EU give"
_GIVER = re.compile(
    r"\b(?:how\s+much|what)\s+(?:money\s*)?(?:,?\s*in\s+\w+\s*,?\s*)?did\s+(?:the\s+)?"
    r"(?P<giver>[\w@.&-]+(?:\s+[\w@.&-]+){0,3}?)\s+(?:contribute|give|pay|spend|put|donate)",
    re.IGNORECASE,
)
NAME_TYPO_FROM = 6  # letters from which a name misspelt by one letter is still the name
GIVEN_WITHIN = 40  # characters between a sum and the name of who gave it


def _gives_sum_of(question: str, passages: list[str]) -> bool:
    """Whether ``passages`` give a sum beside the name of whoever ``question`` asks gave it
    ("how much did Microsoft contribute?" is not the project's budget with Microsoft among
    its funders); a question asking no one's sum is not judged."""
    asked = _GIVER.search(question)
    if asked is None:
        return True
    said = asked["giver"].split()
    names = [w for w in said if w[:1].isupper()] or said
    for passage in passages:
        for money in _MONEY.finditer(passage):
            near = passage[max(0, money.start() - GIVEN_WITHIN) : money.end() + GIVEN_WITHIN]
            if any(re.search(rf"\b{re.escape(name)}\b", near, re.IGNORECASE) for name in names):
                return True
    return False


def names_another_item(question: str, passages: list[str]) -> bool:
    """Whether ``question`` names a numbered item ("phase 1", "workshop 3") that no passage
    names, while the passage shown first names another of its kind ("Phase 2"): that passage
    is about the other one ("what was the budget of phase 1?" is not phase 2's)."""
    if not passages:
        return False
    named = [numbered_items(passage) for passage in passages]
    for label, number in numbered_items(question):
        if any(names_item(items, (label, number)) for items in named):
            continue
        if any(_same_label(label, other) and n != number for other, n in named[0]):
            return True
    return False


def _counted_asked(question: str) -> list[str]:
    """What a "how many" question counts, each word as compared ("participants" is
    "participant"); none when it asks no count."""
    counted = _HOW_MANY.search(question)
    if counted is None:
        return []
    found = re.findall(r"[\w-]+", counted.group(1) or counted.group(2) or "")
    return [_singular(w) for w in found if len(w) > 2]


def _among(word: str, words: frozenset[str] | set[str]) -> bool:
    """Whether ``word`` is one of ``words``, or begins as one does ("participante" is a
    "participant", "участник" a "участники")."""
    return word in words or word[:5] in {w[:5] for w in words if len(w) > 4}


# Who a question asks for by name: "who chaired ...", "the names of the trainers", "which
# Council of Europe official spoke ...", "qui a présidé ...", "¿quién moderó ...?", "кто
# представлял ...". Not who organised, hosted or funded: an organisation answers those.
_WHO_BY_NAME = re.compile(
    r"\bwho\s+(?:(?:actually|exactly|first)\s+)?(?:chaired|opened|closed|moderated|spoke"
    r"|presented|gave\s+the\s+(?:keynote|speech|talk|presentation)|delivered|led\s+the"
    r"\s+(?:session|panel|training|delegation)|ran\s+the\s+(?:session|panel|training|workshop)"
    r"|represented|succeeded|replaced|trained|taught|welcomed|introduced|addressed|attended\s+for"
    r"|was\s+the\s+(?:chair|moderator|speaker|keynote|trainer|rapporteur|head\s+of\s+delegation))"
    r"|\b(?:names?|who)\s+(?:of|were|are)\s+the\s+(?:trainers?|speakers?|panel+ists?|moderators?"
    r"|lecturers?|instructors?|chairs?)\b"
    r"|\b(?:which|what)\s+(?:[\w-]+\s+){0,4}?(?:official|speaker|trainer|minister|mps?)\b"
    r"(?!\s+(?:languages?|journal|texts?|versions?|documents?|translations?))"
    r"|\bwhat(?:'s|\s+is|\s+was|\s+were)\s+(?:their|his|her|the\s+speaker's)\s+names?\b"
    r"|\bqui\s+a\s+(?:présidé|ouvert|animé|modéré|représenté|prononcé|formé)"
    r"|\bqui\s+(?:était|étaient|fut)\s+(?:le|la|les|l')\s*(?:modérat|président|orat|intervenant"
    r"|formateur|conférencier)"
    r"|\bqui[eé]n(?:es)?\s+(?:fue|fueron|era|eran)\s+(?:el|la|los|las)\s+(?:moderador|presidente"
    r"|ponente|orador|formador|capacitador)"
    r"|\bquem\s+(?:foi|foram|era|eram)\s+(?:o|a|os|as)\s+(?:moderador|presidente|orador|formador"
    r"|palestrante)"
    r"|\bкто\s+(?:был|была|были)\s+(?:модератор|председател|докладчик|тренер|спикер)"
    r"|\bqui[eé]n(?:es)?\s+(?:presidi[óo]|inaugur[óo]|moder[óo]|represent[óo]|dio|pronunci[óo])"
    r"|\bquem\s+(?:presidiu|abriu|moderou|representou|deu|proferiu)"
    r"|\bкто\s+(?:именно\s+)?(?:председательствовал|открывал|открыл|модерировал|представлял"
    r"|выступ|вёл|вел)",
    re.IGNORECASE,
)
# ... for presiding: a passage must say that role too, not only name a presenter ("who
# moderated the Balaclava workshop?" is not answered by the slides' "Alexander Seger")
_PRESIDING_ASKED = re.compile(
    r"\b(?:chaired|opened|closed|moderated|led|ran|welcomed|introduced|presided)\b"
    r"|\bwas\s+the\s+(?:chair|moderator)\b|\b(?:moderators?|chairs?|rapporteurs?|keynote)\b"
    r"|\b(?:présidé|ouvert|animé|modéré|modérat\w*|président)\b"
    r"|\b(?:presidi[óo]|inaugur[óo]|moder[óo]|presidiu|abriu|moderou|moderador|presidente)\b"
    r"|(?:председательствовал|открывал|открыл|модерировал|вёл|вел|модератор|председател)",
    re.IGNORECASE,
)
_PRESIDING_SAID = re.compile(
    r"\b(?:chair\w*|moderat\w*|open\w*|clos\w*|presid\w*|led|lead\w*|ran|welcom\w*"
    r"|introduc\w*|rapporteur\w*|keynote)\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'][A-Z][a-zß-öø-ÿ]+)?\b")
# a title said before or instead of a name: "the Minister of ICT opened the workshop"
_TITLE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof|Minister|Ambassador|Secretary[- ]General|Director|Judge|H\.E)\b"
)


# capitalised words that are never a person's name: what bodies, places and dates are called
_NOT_A_NAME = frozenset(
    "unit union university movement ministry centre center council committee association "
    "organisation organization group office department agency institute foundation forum "
    "network division directorate court police project programme conference workshop summit "
    "meeting congress republic kingdom states nations mont bay port city island islands "
    "jan feb mar apr may jun jul aug sep sept oct nov dec".split()
)


# An outcome asked: what a meeting concluded, found or decided, whether it took place
_OUTCOME = re.compile(
    r"\bwhat\s+(?:were|was|are)\s+the\s+(?:main\s+|key\s+)?(?:conclusions?|findings?|outcomes?"
    r"|results?|decisions?)\b"
    r"|\bwhat\s+did\s+[^?]{1,80}?\s+(?:conclude|decide|agree|achieve|produce|result\s+in)\b"
    r"|\bwhat\s+came\s+out\s+of\b"
    r"|\bwhat\s+(?:happened|was\s+(?:agreed|decided|concluded))\s+(?:at|in|during)\b"
    r"|\b(?:did|has|have)\s+[^?]{1,80}?\s+(?:actually\s+|really\s+|ever\s+|finally\s+)?"
    r"(?:happen|take\s+place|go\s+ahead)\b"
    r"|\bhow\s+did\s+[^?]{1,60}?\s+(?:go|turn\s+out)\b"
    # in French, Spanish, Portuguese and Russian
    r"|\bquel(?:le)?s?\s+(?:ont\s+été|furent|étaient)\s+les\s+(?:principa\w+\s+)?(?:résultats"
    r"|conclusions|décisions)|\bqu'est-ce\s+qui\s+(?:a\s+été|s'est)\s+(?:décidé|passé|conclu)"
    r"|\bcomment\s+s'est\s+(?:passée?|déroulée?)|\b(?:a|ont)-t-(?:il|elle|ils|elles)\s+"
    r"(?:vraiment\s+|finalement\s+)?eu\s+lieu"
    r"|\bcu[áa]les\s+fueron\s+los\s+(?:principales\s+)?(?:resultados|acuerdos|conclusiones)"
    r"|\bqu[ée]\s+se\s+(?:acord[óo]|decidi[óo]|concluy[óo])|\bc[óo]mo\s+(?:termin[óo]|result[óo])"
    r"|\bquais\s+foram\s+os\s+(?:principais\s+)?(?:resultados|acordos)|\bo\s+que\s+(?:foi\s+"
    r"(?:decidido|acordado)|se\s+decidiu|resultou)|\bcomo\s+(?:terminou|correu)"
    r"|\bчем\s+(?:же\s+)?закончил\w*|\bкаковы\s+(?:были\s+)?(?:итоги|результаты)"
    r"|\bчто\s+(?:решили|было\s+решено)",
    re.IGNORECASE,
)
# what a passage lists as planned, not as done: the activity report's forecast table, the
# workshop's follow-up list
_PLANNED = re.compile(
    r"\bACTIVITIES\s+PLANNED\b|^\s*Follow[- ]up\b|\bto\s+be\s+(?:launched|held|organi[sz]ed"
    r"|circulated|adopted|discussed|submitted|considered|prepared|finali[sz]ed|set\s+up)\b",
    re.IGNORECASE | re.MULTILINE,
)


# What happened after the documents were written, which they cannot say: "which were finally
# adopted?", "was it ever set up, and who sits on it today?", "who succeeded him?", "the next
# edition", in the five languages
_LATER = re.compile(
    r"\b(?:finally\s+(?:\w+\s+){0,2}?(?:adopted|decided?|agreed|set\s+up|formed|trained"
    r"|approved|signed|ratified|dropped)|eventually|in\s+the\s+end|ultimately|afterwards"
    r"|nowadays|currently|these\s+days|to\s+date|since\s+then|today|right\s+now"
    r"|ever\s+(?:actually\s+|really\s+)?(?:been\s+)?(?:set\s+up|adopted|created|established"
    r"|implemented|launched|finished|completed)"
    r"|once\s+(?:it|they)\s+(?:was|were|had\s+been)\s+(?:finally\s+)?(?:finished|completed"
    r"|adopted|published|done)|(?:who|which\s+\w+)\s+succeeded|successor"
    r"|(?:next|upcoming|future)\s+(?:edition|phase|round)"
    r"|finalement|aujourd'hui|actuellement|depuis\s+lors|prochaine\s+[ée]dition"
    r"|finalmente|hoy\s+en\s+d[íi]a|actualmente|desde\s+entonces|pr[óo]xima\s+edici[óo]n"
    r"|qui[ée]n\s+sucedi[óo]|hoje|atualmente|desde\s+ent[ãa]o|pr[óo]xima\s+edi[çc][ãa]o"
    r"|quem\s+sucedeu|в\s+итоге|в\s+конце\s+концов|сегодня|сейчас|кто\s+сменил)\b",
    re.IGNORECASE,
)


def why_not_stated(
    question: str, passages: list[str], sourced: list[str], common: frozenset[str]
) -> str | None:
    """The note kind declining a fact answer whose ``passages`` (``sourced``: each with the
    source shown under it) do not state what ``question`` asks: no figure ("unstated"), no one
    named ("unnamed"), only a plan ("planned"), what came after the documents
    ("organisation"), another numbered item ("unstated"), no hotel, bank or paper of the
    kind asked ("not_named"); None when they may."""
    if not states_what_is_counted(question, passages):
        return "unstated"
    if not names_whom_asked(question, sourced, common):
        return "unnamed"
    if reports_only_plans(question, passages):
        return "planned"
    if asks_after_the_documents(question):  # "which of them were finally adopted in 2014?"
        return "organisation"
    if names_another_item(question, passages):
        return "unstated"
    if not names_the_kind_asked(question, passages):
        return "not_named"
    return None


# A place or a body of a kind asked by name, which a passage naming one says: "which hotel in
# Balaclava hosted the workshop?" (no passage names a hotel), "¿qué banco ...?". Each kind in
# the five languages, and the English word a passage naming one says.
_KINDS_ASKED = {
    "hotel": r"hotels?|h[ôo]tel|отел\w*|гостиниц\w*",
    "restaurant": r"restaurants?|restaurante|ресторан\w*",
    "airline": r"airlines?|aerol[íi]nea|companhia\s+a[ée]rea|compagnie\s+a[ée]rienne"
    r"|авиакомпани\w*",
    "bank": r"banks?|banco|banque|банк\w*",
    "newspaper": r"newspapers?|peri[óo]dico|jornal|journal|газет\w*",
}
_WHICH_KIND = re.compile(
    r"\b(?:which|what|(?:the\s+)?name\s+of\s+the|quel(?:le)?s?|qu[ée]|qual|quais|какой|какая|какое"
    r"|в\s+какой|в\s+каком)\s+"
    rf"(?:{'|'.join(f'(?P<{k}>{v})' for k, v in _KINDS_ASKED.items())})\b",
    re.IGNORECASE,
)


def names_the_kind_asked(question: str, passages: list[str]) -> bool:
    """Whether the ``passages`` name a place or body of the kind ``question`` asks by name
    ("which hotel ...?" and a passage saying "hotel"); True when it asks none."""
    asked = _WHICH_KIND.search(question)
    if asked is None:
        return True
    kind = next(k for k in _KINDS_ASKED if asked.group(k))
    said = re.compile(rf"\b{kind}", re.IGNORECASE)
    return any(said.search(passage) for passage in passages)


# A figure of the world after the documents (2009 to 2014): "how many CSAM reports did NCMEC
# receive in 2024?", "which country had the most ransomware attacks in 2025?", "how many cases
# were prosecuted last year?". No treaty counts anything, and the documents end in 2014.
_A_FIGURE = re.compile(
    rf"{_HOW_MANY.pattern}|\b(?:{_MONEY_ASKED})"
    r"|\bwhich\s+(?:country|countries|state|states|city|company|region)\s+(?:had|has|have|saw"
    r"|sent|received|reported|suffered)\s+the\s+(?:most|highest|largest|fewest|lowest)\b"
    # "which country is the biggest source of malware in 2025?"
    r"|\bwhich\s+(?:country|countries|state|states|city|company|region)\s+(?:is|are|was|were)"
    r"\s+the\s+(?:biggest|largest|main|leading|top|worst)\b"
    r"|\bqu[eé]\s+pa[ií]s\s+(?:tuvo|tiene|sufri[oó])\s+(?:m[aá]s|el\s+mayor)"
    r"|\bquel\s+pays\s+(?:a|avait)\s+(?:eu|connu|subi)\s+le\s+plus",
    re.IGNORECASE,
)
_AFTER_2014 = re.compile(
    r"\b(?:20(?:1[5-9]|[2-9]\d))\b|\b(?:last|this|past)\s+year\b|\bso\s+far\b|\bto\s+date\b"
    r"|\b(?:currently|nowadays|these\s+days|right\s+now)\b"
    r"|\bl'ann[ée]e\s+derni[èe]re\b|\bcette\s+ann[ée]e\b|\bel\s+a[ñn]o\s+pasado\b"
    r"|\beste\s+a[ñn]o\b|\bno\s+ano\s+passado\b|\beste\s+ano\b|\bв\s+прошлом\s+году\b"
    r"|\bв\s+этом\s+году\b",
    re.IGNORECASE,
)
# how many States are Parties today is the Treaty Office's chart (index.status)
_TREATY_STATUS = re.compile(
    r"\b(?:ratif\w*|part(?:y|ies)|signator\w*|signed|accessions?|acceded|joined|members?"
    r"|partes|parties|ратифи\w*|участник\w*)\b",
    re.IGNORECASE,
)


def asks_a_figure_after_the_documents(question: str) -> bool:
    """Whether ``question`` asks a count, a sum or a ranking of a year after the programme's
    documents end, or of now: neither they nor the treaties can state it."""
    return (
        _A_FIGURE.search(question) is not None
        and _AFTER_2014.search(question) is not None
        and _TREATY_STATUS.search(question) is None
    )


def states_no_sum_asked(question: str, text: str) -> bool:
    """Whether ``question`` asks a sum ("what was the budget of the GLACY project?") that
    ``text``, an answer, does not give: the FAQ entry on what GLACY is gives no budget."""
    return _SUM.search(question) is not None and _MONEY.search(text) is None


def asks_after_the_documents(question: str) -> bool:
    """Whether ``question`` asks what came after what the programme's documents (2009 to
    2014) report: how it ended, whether it was ever done, who holds the post today."""
    return _LATER.search(question) is not None


def reports_only_plans(question: str, passages: list[str]) -> bool:
    """Whether ``question`` asks how something turned out ("what did the West African
    summit conclude?", "did the Pakistan training take place?") and the passage that answers
    first lists it only as planned: the documents do not say what came of it."""
    if not passages or not _OUTCOME.search(question):
        return False
    planned = _PLANNED.search(passages[0])
    if planned is None:
        return False
    # what a passage says before its plans is what took place: the Cairo training, above its
    # follow-up ("what happened at the Cairo judges training?" was told it was only planned)
    reported = _said(passages[0][: planned.start()])
    return not _places_given(question) & reported


def _said(text: str) -> set[str]:
    """The words of ``text``, case aside, hyphenated and elided words whole."""
    return {w.casefold() for w in re.findall(r"[\w'-]+", text)}


def _spelt_as(word: str, said: set[str]) -> bool:
    """Whether ``word`` is one of ``said``, or one letter off a long one ("Insulsa" is
    Insulza; "Cyber" is not "cybercrime")."""
    if word in said:
        return True
    return len(word) >= NAME_TYPO_FROM and any(
        Levenshtein.distance(word, other, score_cutoff=1) <= 1 for other in said
    )


def _places_given(question: str) -> set[str]:
    """The capitalised words of ``question`` after its first, but months and bodies' words:
    the places and names it asks about ("Cairo", "Ankara")."""
    capitalised = (m.group().casefold() for m in _CAPITALISED.finditer(question, 1))
    return {word for word in capitalised if word not in _NOT_A_NAME and word not in MONTHS}


def names_whom_asked(question: str, passages: list[str], common: frozenset[str]) -> bool:
    """Whether ``passages`` can name the person ``question`` asks for: a name (two capitalised
    words one space apart, each never written lower-case in ``common``, the corpus's words,
    nor a body's or a place's word, nor the question's own: "Markko Künnapu", not "Global
    Project" or "Peace Movement") or a title. A question asking no one by name is not
    judged."""
    if not _WHO_BY_NAME.search(question):
        return True
    asked = _said(question)

    def a_name(word: str) -> bool:
        folded = word.casefold()
        return folded not in common and folded not in _NOT_A_NAME and folded not in asked

    presiding = bool(_PRESIDING_ASKED.search(question))
    # the places and names the question gives ("Ankara"): a passage saying none of them is
    # about another event, whoever it names ("who chaired the workshop at the Ankara Bar
    # Association congress?" is not answered by the Vilnius panellists)
    given = _places_given(question) - common
    for passage in passages:
        if presiding and not _PRESIDING_SAID.search(passage):
            continue
        if given:
            said = _said(passage)
            if not any(_spelt_as(word, said) for word in given):
                continue
        if _TITLE.search(passage):
            return True
        previous_end, previous_name = -2, False
        for match in _CAPITALISED.finditer(passage):
            name = a_name(match.group())
            joined = passage[previous_end : match.start()] == " "
            if name and previous_name and joined:
                return True
            previous_end, previous_name = match.end(), name
    return False


# Money a project had or was given: not a fee or a cost, which a treaty may settle ("can the
# requested State charge fees?")
_FUNDS = re.compile(
    rf"\b(?:{_MONEY_ASKED}|how\s+much\s+did\s+[\w\s@-]{{1,40}}?\s*contribute)\w*",
    re.IGNORECASE,
)


def asks_what_no_treaty_states(question: str) -> str | None:
    """The note kind for a question only the programme's documents could answer, whatever
    articles share its words: how many people attended ("unstated"), what a project's budget
    was ("unstated"), who chaired or spoke ("unnamed"). None for any other question, and
    for one asking which article."""
    if asks_for_an_article(question):
        return None
    if _WHO_BY_NAME.search(question):
        return "unnamed"
    if _FUNDS.search(question):
        return "unstated"
    people = _SAID_AS[0]
    return "unstated" if any(_among(w, people) for w in _counted_asked(question)) else None


# A numbered item: "output 4", "WS 6", "Art. 30", "phase 2"; "2nd round", "the 3rd workshop".
_ITEM = re.compile(
    r"\b([^\W\d_]{2,})\.?\s?(\d{1,3})(?![\d/.,:-]\d)\b|\b(\d{1,3})(?:st|nd|rd|th)\s+([^\W\d_]{3,})\b"
)


@cache
def numbered_items(text: str) -> frozenset[tuple[str, str]]:
    """The numbered items ``text`` names, each as (label, number), labels folded."""
    items = set()
    for match in _ITEM.finditer(fold(text)):
        label, number = (match[1], match[2]) if match[1] else (match[4], match[3])
        if label not in STOP_WORDS:
            items.add((label, number))
    return frozenset(items)


def names_item(named: frozenset[tuple[str, str]], item: tuple[str, str]) -> bool:
    """Whether one of ``named`` is ``item``: the same number, and the same label or one an
    abbreviation of the other ("WS" of "workshop", "art" of "article")."""
    label, number = item
    return any(n == number and _same_label(label, other) for other, n in named)


def _same_label(one: str, other: str) -> bool:
    if stem_token(one) == stem_token(other):
        return True
    short, long = sorted((one, other), key=len)
    if len(short) > 3 or short[0] != long[0]:
        return False
    rest = iter(long)
    return all(letter in rest for letter in short)


def material_cites(question: str, number: str, passage: str, document: str) -> bool:
    """Whether a programme ``passage`` (of ``document``'s text) is what ``question``, citing
    article ``number`` of the slides or a report, asks for: it names that article ("Art. 27
    MLA in absence of treaty"), and its document names every place the question gives ("on
    the Mauritius slide"; the Mauritius table is not "the Tokyo slides")."""
    if not re.search(rf"\bArt(?:icle)?s?\.?\s*{re.escape(number)}\b", passage, re.IGNORECASE):
        return False
    said = _said(document)
    return all(_spelt_as(place, said) for place in _places_given(question))
