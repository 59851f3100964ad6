"""Personal data out of the questions organisers read: e-mails, phones, handles, names.

Participants paste case stories: "my name is Ana Silva, call me on +351 912 345 678". The
unanswered log keeps the question for organisers to improve the FAQ, never the person: what
identifies someone is replaced by a marker before anything is stored.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
HANDLE = re.compile(r"(?<![\w@])@\w{3,}")
IP = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b", re.I)
# seven or more digits, possibly grouped by spaces, dots, dashes or brackets: phones, IBANs,
# passport and case numbers; years and article numbers are shorter
NUMBER = re.compile(r"(?<![\w])\+?\(?\d(?:[\s().-]{0,2}\d){6,}(?![\w])")
# an IBAN ("DE89370400440532013000", "PT50 0002 0123 ...") and a passport or ID number: a word
# of capitals and at least four digits ("X1234567"; "ETS185" has three)
ACCOUNT = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b")
IDENTITY = re.compile(r"\b(?=(?:[A-Z]*\d){4})(?=\d*[A-Z])[A-Z0-9]{6,}\b")
# a street address: "12 Rue de la Paix", "Hauptstraße 5", "221B Baker Street"
ADDRESS = re.compile(
    r"\b\d{1,5}\w?,?\s+(?:(?i:rue|avenue|av\.|boulevard|bd|calle|avenida|rua|via|viale|ulica"
    r"|ul\.)\s+[\w'’-]+(?:\s+(?:[\w'’-]+)){0,4}"
    r"|(?:[A-Z][\w'’-]+\s+){1,3}(?i:street|st\.|road|rd\.|avenue|lane|drive|square))"
    r"|\b[\w'’-]+(?i:stra(?:ß|ss)e|str\.|weg|gasse|platz)\s+\d{1,5}\w?\b"
)
_NAME = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+){0,3}"
# a name introduced as one: "my name is ...", "je m'appelle ...", "Mr ...", "Judge ..."
# (the lead words in any case, the name itself capitalised: "I am looking" is no name)
INTRODUCED = re.compile(
    r"(?P<lead>\b(?i:my name is|name's|i am|i'm|je m'appelle|je suis|me llamo|"
    r"mi nombre es|soy|meu nome é|chamo-me|меня зовут|я|ich heiße|ich heisse|mein name ist|"
    r"mi chiamo|nazywam się|mam na imię|benim adım)\s+)" + f"(?P<name>{_NAME})"
)
TITLED = re.compile(
    r"(?P<lead>\b(?i:mr|mrs|ms|miss|dr|prof|judge|prosecutor|inspector|officer|"
    r"mme|sr|sra|dra|señor|señora|senhor|senhora|господин|госпожа)\.?\s+)" + f"(?P<name>{_NAME})"
)


def redact(text: str) -> str:
    """``text`` with personal data replaced by [email], [link], [user], [ip], [address],
    [number], [name]."""
    text = EMAIL.sub("[email]", text)
    text = URL.sub("[link]", text)
    text = HANDLE.sub("[user]", text)
    text = IP.sub("[ip]", text)
    text = ADDRESS.sub("[address]", text)
    text = ACCOUNT.sub("[number]", text)
    text = IDENTITY.sub("[number]", text)
    text = NUMBER.sub("[number]", text)
    text = INTRODUCED.sub(r"\g<lead>[name]", text)
    return TITLED.sub(r"\g<lead>[name]", text)
