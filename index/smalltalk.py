"""Greetings, thanks and goodbyes: a short friendly reply instead of "I don't know"."""

from __future__ import annotations

import re

from index.notes import Note

# Whole messages only ("hi", "merci beaucoup!", "good morning :)"), in the five languages
# participants write in; a question that starts with "hi, ..." is a question.
_DAY = r"(?:aujourd'hui|demain|hoy|ma[ñn]ana|hoje|amanh[ãa]|сейчас|сегодня|завтра)"
_PATTERNS = {
    "greeting": r"hi+|hello|hey|good (?:morning|afternoon|evening)|greetings|bonjour|salut|"
    r"bonsoir|hola|buen[oa]s (?:d[ií]as|tardes|noches)|ol[aá]|oi|bom dia|boa (?:tarde|noite)|"
    r"привет|здравствуйте|добрый (?:день|вечер)|доброе утро|"
    r"(?:(?:hi|hello|hey|good (?:morning|afternoon|evening)|bonjour|salut|hola|ol[aá]|oi"
    r"|привет|здравствуйте)(?: bot| there)?[ ,!]+)?"
    r"(?:how are you(?: (?:feeling|doing))?(?: today)?|how(?:'s| is) your day(?: going)?"
    r"|comment [cç]a va|c[oó]mo est[aá]s?|tudo bem|как дела)|"
    r"comment [cç]a va|comment allez-vous|c[oó]mo est[aá]s?|tudo bem|como vai|как дела",
    "thanks": r"(?:many |thank you |thanks? )*(?:thanks?|thank you|thx|ty|cheers)(?: (?:a lot|"
    r"very much|so much))?|merci(?: beaucoup)?|gracias|muchas gracias|obrigad[oa]|"
    r"muito obrigad[oa]|спасибо(?: большое)?|благодарю",
    "goodbye": r"bye|goodbye|see you|au revoir|adi[oó]s|hasta luego|tchau|até logo|"
    r"до свидания|пока",
    # the clock and the weather, anywhere: "what time is it in Tokyo right now?" is no session
    # of the agenda that happened to be in Tokyo
    "clock": r"what(?:'s|s| is) the (?:time|weather(?: like)?)"
    r"(?: (?:now|right now|today|tomorrow))?(?: in [^\d?.!,]+?)?"
    r"(?: (?:now|right now|today|tomorrow))?"
    r"|what time is it(?: now| right now)?(?: in [^\d?.!,]+?)?(?: now| right now)?"
    # in French, Spanish, Portuguese and Russian, with the day and place that may follow
    r"|(?:quel temps fait-il|quel temps fera-t-il|quelle heure est-il"
    r"|(?:quelle est )?(?:la )?m[ée]t[ée]o"
    r"|qu[ée] tiempo (?:hace|har[áa])|qu[ée] hora es|como (?:est[áa]|vai estar|fica) o tempo"
    r"|que horas s[ãa]o|previs[ãa]o do tempo|какая (?:будет )?погода|который час"
    r"|сколько (?:сейчас )?времени)"
    # then a place or a day only: "сколько времени можно хранить данные?" asks the law
    rf"(?: {_DAY})?(?: (?:à|a|en|em|no|na|в|во) [^\d?.!,]+?)?(?: {_DAY})?",
    # who the bot is and what it does: answered like a greeting, with what to ask
    "about": r"(?:(?:hi|hello|hey|bonjour|hola|ol[aá])[ ,!]+)?(?:who are you|what are you|"
    r"what can you do|what do you do|(?:can|could) you help(?: me)?|how can you help(?: me)?|"
    r"help me|help|qui es-tu|qui êtes-vous|que (?:peux-tu|pouvez-vous) faire|"
    r"(?:peux-tu|pouvez-vous) m'aider|aide-moi|aidez-moi|qui[eé]n eres|qu[eé] puedes hacer|"
    r"quem é você|o que você pode fazer|кто ты|что ты умеешь"
    # the bot itself: "are you a robot?", "do you ever get tired of answering questions?"
    r"|are you (?:a |an )?(?:robot|bot|human|person|real person|machine|ai|chatbot)"
    # which model it is: "are you ChatGPT or some other model?"
    r"|are you (?:chat ?gpt|gpt[\w.-]*|claude|gemini|copilot|llama|mistral"
    r"|an? (?:llm|language model|large language model))"
    r"(?: or (?:some |an |a )?(?:other|another|different) (?:model|ai|llm|bot))?"
    r"|which (?:ai |language )?model are you|what model are you"
    r"|(?:do|are|can|will|did) you (?:ever |really |also |sometimes )?(?:get |feel |become )?"
    r"(?:tired|bored|sad|happy|lonely|sleep|dream|have feelings|have emotions)\b[^?.!\d]*)",
    # abuse of the bot: "you are a useless bot, f*** you" had Art. 6 quoted
    "abuse": r"(?:(?:you(?:'re| are)|this is|what) (?:a |an |so |such a |really |totally )*"
    r"(?:useless|stupid|dumb|idiotic|idiot|rubbish|garbage|worthless|pathetic|terrible|crap)"
    r"(?: (?:bot|machine|thing|answer|answers))?|f+\W*(?:u+c*k*)?\W* (?:you|off)|fuck\w*"
    r"(?: (?:you|off|this))?|shut up|screw you|idiot|stupid bot|useless bot|va te faire \w+"
    r"|t'es nul|tu es nul|eres (?:un )?in[úu]til|voc[êe] [ée] in[úu]til|иди ты|дурак|тупой бот)"
    r"(?:[\s,!.]+(?:f+\W*(?:u+c*k*)?\W* (?:you|off)|fuck\w*(?: (?:you|off))?|shut up|idiot))*",
}
# What may follow thanks in the same message: "thanks a lot for your help, very helpful".
_THANKS_TAIL = (
    r"(?:[\s,!.]+(?:for (?:your|the|all the) help|for (?:this|that|everything|the answer)|"
    r"(?:that was |this is |it was |it's |very |really |so )*(?:helpful|useful|great|perfect|"
    r"clear)|pour votre aide|por (?:su|tu) ayuda|pela ajuda))*"
)
# Acknowledgements end a thread as thanks do: the same reply.
_ACKNOWLEDGED = (
    r"|ok(?:ay)?|great|perfect|got it|cool|nice|d'accord|vale|entendido|certo|хорошо|понятно"
)
_PATTERNS["thanks"] = f"(?:{_PATTERNS['thanks']}){_THANKS_TAIL}{_ACKNOWLEDGED}"
_MESSAGE = {
    kind: re.compile(rf"^[¿¡]?(?:{pattern})(?: (?:bot|there|all|everyone))?[\s!.,:;)(?¡¿]*$", re.I)
    for kind, pattern in _PATTERNS.items()
}
REPLIES = {
    "greeting": Note(
        "Hello! Ask me about the Budapest Convention and related treaties, "
        "the programme documents or the agenda."
    ),
    "thanks": Note("You're welcome. Ask again whenever you need an article."),
    "goodbye": Note("Goodbye, and good luck with your cases."),
    "clock": Note(
        "I cannot tell the time or the weather. Ask me about the Budapest Convention and "
        "related treaties, the programme documents or the agenda."
    ),
    "abuse": Note(
        "Sorry I did not help. I answer on the Budapest Convention and related treaties, the "
        "programme documents and the agenda: try citing an article, e.g. “art 29”."
    ),
}


def small_talk(text: str) -> Note | None:
    """The friendly reply when the whole message is a greeting, thanks or goodbye."""
    cleaned = " ".join(text.casefold().replace("’", "'").split())
    for kind, pattern in _MESSAGE.items():
        if pattern.match(cleaned):
            return REPLIES["greeting" if kind == "about" else kind]
    return None
