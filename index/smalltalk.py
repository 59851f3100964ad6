"""Greetings, thanks and goodbyes: a short friendly reply instead of "I don't know"."""

from __future__ import annotations

import re

from index.notes import Note

# Whole messages only ("hi", "merci beaucoup!", "good morning :)"), in the five languages
# participants write in; a question that starts with "hi, ..." is a question.
_PATTERNS = {
    "greeting": r"hi+|hello|hey|good (?:morning|afternoon|evening)|greetings|bonjour|salut|"
    r"bonsoir|hola|buen[oa]s (?:d[ií]as|tardes|noches)|ol[aá]|oi|bom dia|boa (?:tarde|noite)|"
    r"привет|здравствуйте|добрый (?:день|вечер)|доброе утро",
    "thanks": r"(?:many |thank you |thanks? )*(?:thanks?|thank you|thx|ty|cheers)(?: (?:a lot|"
    r"very much|so much))?|merci(?: beaucoup)?|gracias|muchas gracias|obrigad[oa]|"
    r"muito obrigad[oa]|спасибо(?: большое)?|благодарю",
    "goodbye": r"bye|goodbye|see you|au revoir|adi[oó]s|hasta luego|tchau|até logo|"
    r"до свидания|пока",
}
_MESSAGE = {
    kind: re.compile(rf"^(?:{pattern})(?: (?:bot|there|all|everyone))?[\s!.,:;)(?¡¿]*$", re.I)
    for kind, pattern in _PATTERNS.items()
}
REPLIES = {
    "greeting": Note(
        "Hello! Ask me about the Budapest Convention and related treaties, "
        "the programme documents or the agenda."
    ),
    "thanks": Note("You're welcome. Ask again whenever you need an article."),
    "goodbye": Note("Goodbye, and good luck with your cases."),
}


def small_talk(text: str) -> Note | None:
    """The friendly reply when the whole message is a greeting, thanks or goodbye."""
    cleaned = " ".join(text.casefold().replace("’", "'").split())
    for kind, pattern in _MESSAGE.items():
        if pattern.match(cleaned):
            return REPLIES[kind]
    return None
