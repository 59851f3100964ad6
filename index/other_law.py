"""Questions about a named country's own law or another organisation's rules: "how long must
providers keep logs under Indian law?", "the UK Investigatory Powers Act", "Brazil's Marco
Civil", "the Computer Misuse Act", "an Interpol red notice", "how does Europol's EC3 help?".

The treaties say what Parties must make a crime or make possible, never what a given country's
code says; quoting an article as if it answered would mislead, so such a question is declined
with a pointer to what the bot can do. Meaning alone cannot tell "Philippine law on cybersex"
from "the Lanzarote Convention on cybersex": the words can, because the question names the
country's law. Countries and their adjectives are listed in ``countries.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from corpus.model import unaccented_letters
from corpus.problems import load_limited
from index.text import fold

COUNTRIES_FILE = Path(__file__).with_name("countries.yaml")
# Written as shown only: "us" and "uk" in lower case are other words.
_CASED = frozenset({"US", "U.S.", "USA", "UK", "EU", "UAE", "PRC", "DRC"})
_LAW = (
    r"(?:(?:criminal|penal|civil|data\s+protection|privacy|cybercrime|procedure|procedural)\s+)?"
    r"(?:laws?|codes?|statutes?|legislation|constitution|criminal\s+code|penal\s+code"
    r"|code\s+of\s+criminal\s+procedure|regulations?|directives?|(?-i:Acts?))"
    r"\b(?!\s+enforcement)"
)
# A statute's own name: capitalised words ending in "Act" ("Computer Misuse Act 1990").
_NAMED_ACT = re.compile(r"\b(?:(?:[A-Z][\w-]*|of|on|and|the)\s+){0,6}[A-Z][\w-]*\s+Act\b")
_PROVIDERS = (
    r"(?:google|gmail|youtube|meta|facebook|instagram|whatsapp|microsoft|outlook|apple|icloud"
    r"|telegram|tiktok|twitter|amazon|yahoo|signal|snapchat|discord|linkedin|viber"
    r"|binance|coinbase|kraken|paypal|revolut|cloudflare)"
)
# Bodies whose own rules and procedures the treaties do not state (Interpol, which the
# treaties name as a channel for requests, only by its notices), and the EU's orders and
# warrants between its member States.
_BODIES = re.compile(
    r"\b(?:europol|eurojust|ec3|enisa|unodc|red\s+notices?|diffusion\s+notices?"
    # the Commonwealth of Independent States' own agreements ("Соглашение ... СНГ ... 2001")
    r"|(?-i:CIS|СНГ)|commonwealth\s+of\s+independent\s+states|содружеств\w+\s+независим\w+"
    r"|european\s+(?:investigation|production|preservation)\s+orders?|european\s+arrest\s+warrants?"
    r"|(?-i:EIO|EAW)s?"
    # courts' judgments ("what did the ECtHR decide in Big Brother Watch v. United Kingdom?")
    r"|european\s+court\s+of\s+human\s+rights|ecthr|cjeu|cjue|tjue|court\s+of\s+justice"
    r"|supreme\s+court|tribunal\s+(?:de\s+justicia|supremo|europeu?o?|constitucional)"
    r"|cour\s+(?:de\s+justice|europ[ée]enne|supr[êe]me)|еспч|европейск\w+\s+суд\w*"
    # countries' high courts: "la décision du Conseil d'État", "o que o STF decidiu"
    r"|conseil\s+(?:d'[ée]tat|constitutionnel)|cour\s+de\s+cassation|(?-i:STF|STJ|BGH)"
    r"|supremo\s+tribunal|bundesverfassungsgericht|(?:верховн|конституционн)\w+\s+суд\w*"
    # the EU's AI Act, in English, French, Spanish and Portuguese
    r"|ai\s+act|artificial\s+intelligence\s+act|(?:r[èe]glement|reglamento|regulamento)\w*"
    r"\s+(?:[\w'-]+\s+){0,3}?(?:l'|la\s+|a\s+)?intell?ig(?:ence|encia|[êe]ncia)\s+artifici\w*"
    # other bodies' own databases and rules: "Interpol's ICSE database", the EU's ePrivacy rules,
    # the US Justice Department's standards ("probable cause")
    r"|icse|interpol'?s?\s+(?:[\w-]+\s+){0,2}(?:database|rules|vetting)|e-?privacy"
    r"|(?-i:DOJ)|office\s+of\s+international\s+affairs|probable\s+cause|fourth\s+amendment"
    # the UN Convention on the Rights of the Child and its protocols, by name: a child's rights
    # alone are Lanzarote's too ("los derechos del niño en el proceso penal")
    r"|(?:convention|convenci[óo]n|conven[çc][ãa]o|protocol\w*)\s+(?:on|relative\s+aux|sobre)\s+"
    r"(?:the\s+|los\s+|os\s+)?(?:rights\s+of\s+the\s+child|droits\s+de\s+l'enfant"
    r"|derechos\s+del\s+ni[ñn]o|direitos\s+da\s+crian[çc]a)|конвенци\w*\s+о\s+правах\s+ребенка"
    r"|(?-i:UNCRC|CRC)"
    # a provider's own channel for the police ("Meta's law enforcement online request system")
    r"|law\s+enforcement\s+(?:online\s+)?(?:request\s+)?(?:portal|system|guidelines))\b"
    # a provider's own practice: "how long does Google keep IP logs?", "Meta's retention policy"
    rf"|\bhow\s+long\s+(?:does|do|will)\s+{_PROVIDERS}\s+(?:keep|retain|store|hold)\b"
    rf"|\b{_PROVIDERS}'s\s+(?:[\w-]+\s+){{0,2}}(?:policy|policies|terms|guidelines)\b"
    # its own desks and speed: "Telegram's abuse team", "how quickly does Binance freeze"
    rf"|\b{_PROVIDERS}'s\s+(?:abuse|trust\s+and\s+safety|safety|legal|support|security|compliance)"
    r"\s+(?:team|desk|department|unit)\b"
    # its own contact for the police: "Microsoft's emergency disclosure e-mail address"
    rf"|\b{_PROVIDERS}'s\s+(?:[\w-]+\s+){{0,3}}(?:e-?mail|contact|hotline|phone\s+number"
    r"|portal|form)\b"
    rf"|\bhow\s+(?:quickly|fast|soon)\s+(?:does|do|will|would|can)\s+{_PROVIDERS}\b"
    # a case by its parties: "Digital Rights Ireland", "Big Brother Watch v. United Kingdom"
    # ("K.U. v. Finland", "S. e Marper contra o Reino Unido", "Benedik c. Slovénie")
    r"|\b(?-i:(?:[A-Z][\w'.-]*\s+)(?:(?:e|and|et|y|[A-Z][\w'.-]*)\s+){0,3}"
    r"(?:v|vs|c|contre|contra)\.?\s+(?:the\s+|o\s+|a\s+|la\s+|le\s+|el\s+|l')?[A-Z][\w'-]+)",
    re.IGNORECASE,
)
# The same in French, Spanish and Portuguese: a law word, then a nationality adjective by
# its ending ("code pénal français", "droit kenyan", "código penal mexicano", "lei
# brasileira"); in Russian, a country's criminal code ("УК РФ", "российское законодательство").
_FOREIGN_LAW_WORD = (
    r"(?:code\s+p[ée]nal|code\s+de\s+proc[ée]dure\s+p[ée]nale|droit|loi|l[ée]gislation"
    r"|c[óo]digo\s+penal|c[óo]digo\s+de\s+processo\s+penal|c[óo]digo\s+procesal\s+penal|ley"
    r"|legislaci[óo]n|derecho|lei|legisla[çc][ãa]o|direito)"
)
_FOREIGN_LAW = re.compile(
    rf"\b{_FOREIGN_LAW_WORD}"
    r"\s+(?:[\w-]+\s+)?"
    r"(?:[\w-]+(?:ais|aise|ien|ienne|ain|aine|ois|oise|and|ande|an|ane|ano|ana|ino|ina|[êe]s|esa|eiro"
    r"|eira|ense|eno|ena)|espa[ñn]ola?|belges?|suisses?|russes?|grecques?|turques?)\b"
    r"|\bук\s+рф\b|\b(?:российск|украинск|казахск|белорусск)\w*\s+(?:закон|законодательств|кодекс)"
    # a Russian federal law by its number ("ФЗ-152", "152-ФЗ") or kind
    r"|\b(?:\d+\s*-\s*)?фз(?:\s*-\s*\d+)?\b|\bфедеральн\w*\s+закон"
    # "уголовный кодекс России", "законодательство Казахстана": a law, then a country
    r"|\b(?:закон|законодательств|кодекс)\w*\s+(?:росси|рф\b|украин|казахстан|беларус|белорусси"
    r"|германи|франци|сша\b|кита|инди|бразили|турци|узбекистан|кыргызстан|армени|грузи|молдов)",
    re.IGNORECASE,
)
# Statutes named without a country or "Act": Brazil's internet law, asked about in Portuguese.
_STATUTE = re.compile(
    r"\bmarco\s+civil\b"
    # the United States Code: "18 U.S.C. 2703(f)", "the U.S. Code"
    r"|\b\d+\s+U\.?\s?S\.?\s?C\.?(?=\s|§|$)|\bU\.S\.\s+Code\b"
    # a country's own institutions of procedure: France's police custody, the US Miranda rule
    r"|\bgarde\s+[àa]\s+vue\b|\bmiranda\s+(?:rule|rights?|warnings?)\b"
    # a law by its number: "Lei 109/2009", "ley 1273 de 2009", "loi n° 2004-575", "Law No. 175/2012"
    r"|\b(?:lei|ley|loi|law|act)\s+(?:n\.?[º°o]\.?\s*|no\.?\s*|number\s+)?\d+\s*(?:/|-|de\s+)\s*\d{2,4}\b"
    # "la ley 26.388", "Lei n.º 12.737": thousands written with a dot
    r"|\b(?:lei|ley|loi)\s+(?:n\.?[º°o]\.?\s*)?\d{1,3}\.\d{3}\b"
    # a law by its byname: "la Ley Olimpia", "la loi Avia", "a Lei Carolina Dieckmann",
    # "закон Яровой"
    r"|\b(?-i:(?:[Ll]ey|[Ll]ei|[Ll]oi)\s+[A-Z][a-z]+|[Зз]акон\w*\s+[А-Я][а-я]+)",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset({"What", "Which", "The", "This", "That", "An", "A", "Under", "Does", "Is"})


def other_law(text: str) -> str | None:
    """The words naming a country's own law or another organisation's body in ``text``
    ("Indian law", "Computer Misuse Act", "Europol"), or None."""
    body = _BODIES.search(text)
    if body:
        return body.group()
    plain = unaccented_letters(text)  # "el código penal de México" names Mexico's code
    for pattern in (*_patterns(), _FOREIGN_LAW):
        found = pattern.search(plain)
        if found:
            return " ".join(text[found.start() : found.end()].split())
    statute = _STATUTE.search(text)
    if statute:
        return statute.group()
    for found in _NAMED_ACT.finditer(text):
        name = found.group().split()
        while name and (name[0] in _NOT_A_NAME or name[0].islower()):
            name.pop(0)
        if len(name) >= 2:
            return " ".join(name)
    return None


@cache
def country_words() -> frozenset[str]:
    """Every word of the countries' names and adjectives, in lower case ("korea", "south")."""
    data = load_limited(COUNTRIES_FILE.read_text(encoding="utf-8")) or {}
    names = [str(name) for entry in data.get("countries", []) for name in entry]
    return frozenset(word.casefold() for name in names for word in re.findall(r"[\w'-]+", name))


@cache
def english_country_names() -> dict[str, str]:
    """Each name and adjective of a country, folded ("turkiye", "egyptian"), and the name
    the programme's documents write it by, the first of its line ("Turkey", "Egypt")."""
    data = load_limited(COUNTRIES_FILE.read_text(encoding="utf-8")) or {}
    return {
        fold(str(name)): str(entry[0])
        for entry in data.get("countries", [])
        if entry
        for name in entry
    }


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = load_limited(COUNTRIES_FILE.read_text(encoding="utf-8")) or {}
    names = [str(name) for entry in data.get("countries", []) for name in entry]
    cased = "|".join(re.escape(n) for n in sorted(_CASED & set(names), key=len, reverse=True))
    folded = "|".join(
        re.escape(n).replace(r"\ ", r"\s+")
        for n in sorted(set(names) - _CASED, key=len, reverse=True)
    )
    country = rf"(?:{folded}|(?-i:{cased}))"
    return (
        # "Indian law", "the German criminal code", "UK Investigatory Powers Act", and typed
        # in lower case after the country: "the indian IT act", "the US CLOUD act"
        re.compile(
            rf"\b{country}(?:'s)?\s+(?:(?-i:[A-Z][\w-]*)\s+|\([^)]{{0,60}}\)\s+){{0,4}}"
            rf"(?:{_LAW}|acts?\b)"
            # "the Philippines cybercrime prevention act", typed in lower case
            rf"|\b{country}(?:'s)?\s+(?:(?!(?:the|a|an|this|that|is|was|and|or|to|of|in)\b)"
            rf"[a-z][\w-]*\s+){{1,3}}acts?\b(?!\s+of\b)",
            re.I,
        ),
        # "the criminal code of Brazil", "laws in Nigeria"; "el codigo penal de Mexico"
        re.compile(rf"\b{_LAW}\s+(?:of|in)\s+(?:the\s+)?{country}\b", re.I),
        # "la ley de delitos informáticos de Colombia"
        re.compile(
            rf"\b{_FOREIGN_LAW_WORD}(?:\s+[\w-]+){{0,4}}?\s+(?:de|du|des|del|do|da|dos|das)\s+"
            rf"(?:(?:la|el|le|l'|o|a)\s*)?{country}\b",
            re.I,
        ),
        # a treaty between two countries: "the US-UK MLAT", "the France/Morocco agreement"
        re.compile(
            rf"\b{country}\s*[-–/]\s*{country}\s+(?:mlat|treaty|agreement|convention)s?\b", re.I
        ),
        # "in Georgia, under the criminal procedure code, ...", "In Canada, how long does a
        # preservation demand under the Criminal Code stay valid?"
        re.compile(
            rf"\bin\s+{country}\s*,?\s+(?:[^.?!;]{{0,80}}\s)?(?:under|according\s+to|by)\s+"
            rf"(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}{_LAW}",
            re.I,
        ),
        # the same in French, Spanish, Portuguese and Russian: "En Belgique, le Code
        # d'instruction criminelle permet-il ...", "En Argentina, ¿qué artículos del Código Penal"
        re.compile(
            rf"\b(?:en|em|au|aux|в|во)\s+{country}\s*,\s*[^.?!]{{0,80}}?(?:\b(?:c[óo]digo|code|ley"
            rf"|lei|loi|droit|derecho|direito|legisla\w+)\b|\b(?:кодекс|закон)\w*)",
            re.I,
        ),
        # "Germany: under the StPO, can the police ...": a country's code by its abbreviation
        re.compile(
            rf"^\W*{country}\s*[:,–-]\s*(?:under|according\s+to)\s+(?:the\s+)?(?-i:[A-Z][\w-]+)",
            re.I,
        ),
        # "under Brazil's Marco Civil"
        re.compile(rf"\bunder\s+(?:the\s+)?{country}'s\s+\w+", re.I),
        # "in Brazil what is the sentence for child pornography?"
        re.compile(
            rf"\bin\s+(?:the\s+)?{country}\s*,?\s+what\s+(?:is|are)\s+the\s+(?:maximum\s+|minimum\s+)?"
            rf"(?:sentences?|penalt(?:y|ies)|punishments?|fines?)\b",
            re.I,
        ),
        # "the maximum penalty for cyberstalking in Australia"
        re.compile(
            rf"\b(?:penalty|penalties|punishments?|sentences?|fines?)\s+(?:for|of)\b"
            rf"[^.?!]{{0,60}}\bin\s+(?:the\s+)?{country}\b",
            re.I,
        ),
        # the same in French, Spanish, Portuguese and Russian: "какое наказание в Казахстане за
        # взлом?", "¿qué pena hay en Chile por hackeo?", "quelle peine en France pour ..."
        re.compile(
            rf"\b(?:peines?|sanctions?|amendes?|penas?|castigos?|multas?|наказани\w*|штраф\w*"
            rf"|срок\w*)\b[^.?!]{{0,60}}?\b(?:en|em|au|aux|no|na|в|во)\s+{country}"
            rf"|\b(?:en|em|au|aux|no|na|в|во)\s+{country}\b[^.?!]{{0,40}}?\b(?:peines?|sanctions?"
            rf"|penas?|castigos?|multas?|наказани\w*|штраф\w*)",
            re.I,
        ),
        # ... in Russian, a place by its capital letter: "в Казахстане", "в России" (not "в
        # Будапештской конвенции", "в Совете Европы")
        re.compile(
            r"(?:наказани\w*|штраф\w*)[^.?!]{0,60}?\bв(?:о)?\s+(?-i:[А-ЯЁ])"
            r"(?!удапешт|анцарот|онвенц|овет|ротокол|тать|вроп)[а-яё]+",
            re.I,
        ),
        # a rule of a country's own: "the age of consent in Kenya", "the time limit to appeal a
        # conviction in Kenya", "is the age of consent 16 in the UK?"
        re.compile(
            r"\b(?:age\s+of\s+consent|legal\s+(?:drinking\s+)?age|minimum\s+age|time\s+limits?"
            r"|statute\s+of\s+limitations?|limitation\s+period|retention\s+period)\b"
            rf"[^.?!]{{0,60}}\bin\s+(?:the\s+)?{country}\b",
            re.I,
        ),
        # "is it legal in France to record a call?", "is it a crime in Kenya to ..."
        re.compile(
            rf"\b(?:is|was)\s+it\s+(?:illegal|legal|allowed|lawful|unlawful|banned|prohibited"
            rf"|a\s+crime|an\s+offen[cs]e|punishable)\s+in\s+{country}\b",
            re.I,
        ),
        # "is revenge porn illegal in Brazil?" (not "a crime committed in Brazil")
        re.compile(
            rf"\b(?:illegal|legal|allowed|banned|prohibited|a\s+crime|an\s+offen[cs]e"
            rf"|punishable)\s+in\s+{country}\s*[?.!]*\s*$",
            re.I,
        ),
    )
