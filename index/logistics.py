"""Questions about the event itself: its rooms, recordings, links, hotels and desks ("which
room is the hands-on training in?", "will the morning panel be recorded?", "my hotel booking
e-mail for the workshop looks like phishing").

Their words are often the treaties' (recording, video, e-mail, phishing), so meaning alone
ranks an article first; what tells them apart is that they name a practical thing together
with the event, and nothing of the law. On the development sets (about 600 questions) this
declined 13 practical questions and no question the treaties answer.
"""

from __future__ import annotations

import re

# A practical thing people ask the organisers about.
_PRACTICAL = re.compile(
    r"\b(?:record(?:ed|ing)?|live\s?stream\w*|video|slides?|room|(?<!capacity )building|hotel"
    r"|badges?|lunch"
    r"|coffee|dinner|wi-?fi|printer|print|charger|cash\s+machine|atm|taxi|shuttle|certificate"
    r"|registration|it\s+desk|help\s?desk|zoom|teams\s+link|interpret\w*|headsets?"
    r"|microphone|projector|laptop|toilets?|parking|visa|per\s+diem|reimburse\w*|refund"
    r"|luggage|restaurant|cop(?:y|ies)|handouts?|chat\s+log|e-?mails?|software"
    r"|certificado|certificat|attestation|diapositivas?|diapos|h[ôo]tel|links?|enlaces?|liens?"
    r"|powerpoint|pptx?|pdf|(?:telegram|whatsapp|signal)\s+groups?|group\s+chats?|admins?"
    # the same in French, Spanish, Portuguese and Russian
    # (a socket by its own name: "prises" and "tomadas" alone are "taken", as in "mesures prises")
    r"|vid[ée]oprojecteur|projecteur|proyector|projetor|проектор\w*|enchufes?|regletas?"
    r"|prises?\s+(?:[ée]lectriques?|de\s+courant)|tomadas?\s+(?:el[ée]tricas?|de\s+energia)"
    r"|розетк\w*|chargeur|cargador|carregador|зарядк\w*|port[áa]til|imprimante"
    r"|impresora|impressora|принтер\w*|micro(?:phone|fono|fone)?|микрофон\w*)\b",
    re.IGNORECASE,
)
# What only the event's desks deal with, event named or not: its IT and help desks, its
# registration and e-learning accounts.
_DESK = re.compile(
    r"\b(?:it|help|registration|information)\s?desk\b|\bregistration\s+(?:form|portal|page)"
    r"|\be-?learning\s+(?:platform|account|course)"
    r"|\b(?:locked|blocked)\s+(?:out\s+)?after\s+(?:too\s+many|\d+|several)\b"
    # the event's mailboxes and lists: "can IT add my account to the participants' list?"
    r"|\b(?:shared|workshop|event|conference|group)\s+mailbox\b|\bdistribution\s+list\b"
    r"|\bmailing\s+list\b",
    re.IGNORECASE,
)
# What only a desk does, whatever law the question begins with ("Regarding the data security
# article, quick thing first: where can I charge my laptop?"): a device to charge, the slides
# to be sent.
_DESK_ONLY = re.compile(
    r"\bcharg(?:e|ing)\s+(?:my\s+|our\s+|a\s+)?(?:laptop|phone|mobile|computer|tablet|device)s?\b"
    r"|\bpower\s?banks?\b"
    r"|\b(?:cargar|carregar|recharger|charger)\s+(?:el\s+|o\s+|mon\s+|mi\s+|meu\s+)?"
    r"(?:port[áa]til|m[óo]vil|tel[ée]fono|telem[óo]vel|celular|ordinateur|t[ée]l[ée]phone)\b"
    r"|\bзарядить\b"
    # a badge or a certificate to collect, whichever session it is for: "Où est-ce que je
    # récupère mon badge pour l'atelier ...?", "¿dónde recojo mi certificado de asistencia?"
    r"|\b(?:pick\s+up|collect|get|obtain|receive)\s+(?:(?:my|our|a|the)\s+)?(?:new\s+)?"
    r"(?:badges?|lanyards?|certificates?\s+of\s+(?:attendance|participation))\b"
    r"|\b(?:pick\s+up|collect|get|obtain|receive)\s+(?:my|our)\s+certificates?\b"
    r"|\b(?:r[ée]cup[èée]r\w*|retir\w*|obten\w*|recoj\w*|recoger|recolh\w*|pegar|buscar)\s+"
    r"(?:mon\s+|ma\s+|mes\s+|le\s+|la\s+|mi\s+|el\s+|o\s+|a\s+|meu\s+|minha\s+)?"
    r"(?:badges?|certificat\w*|attestation\w*|certificado\w*|acreditaci[óo]n\w*|crach[áa]s?)\b"
    r"|\bполучить\s+(?:свой\s+|мой\s+)?(?:сертификат\w*|бейдж\w*)"
    r"|\b(?:e-?mail|send|forward|share|resend|re-send)\s+(?:me|us)\s+(?:the\s+|a\s+|his\s+|her\s+"
    r"|your\s+|their\s+)?(?:[\w'-]+\s+){0,3}(?:powerpoint|slides?|pdf|deck|recording|handouts?"
    r"|presentation|file|word\s+document|document)\b"
    # a session's livestream or recording: "Is the livestream recorded?", "Можно получить
    # запись вчерашней сессии?", "¿Hay grabación de la sesión?"
    # (not a livestream in a case: "the abuse was livestreamed to paying viewers")
    r"|\b(?:is|will)\s+the\s+(?:livestream|live\s+stream|webcast)\s+(?:be\s+)?(?:recorded"
    r"|available|online|working)\b"
    r"|\b(?:livestream|live\s+stream|webcast)\s+(?:link|of\s+the\s+(?:session|panel|conference"
    r"|plenary|workshop|keynote))\b"
    r"|\b(?:session|panel|talk|plenary|workshop|keynote)s?\s+(?:be\s+|being\s+)?recorded\b"
    r"|\brecordings?\s+of\s+(?:the|this|that|yesterday'?s?|today'?s?|his|her)\s+(?:[\w-]+\s+)?"
    r"(?:session|panel|talk|plenary|workshop|keynote)\b"
    r"|\bзапис\w*\s+(?:вчерашн\w*\s+|сегодняшн\w*\s+)?(?:сесси|панел|доклад|выступлени|семинар)\w*"
    r"|\b(?:grabaci[óo]n|grava[çc][ãa]o|enregistrement)\s+(?:de\s+la\s+|da\s+|de\s+l['’]\s*)"
    r"(?:sesi[óo]n|sess[ãa]o|s[ée]ance|session|atelier|taller|plenaria|pl[ée]ni[èe]re)\b"
    # the event's app and desk: "A minha conta na aplicação da conferência foi bloqueada",
    # "Как подключиться к Wi-Fi в гостинице?"
    r"|\b(?:app|application|aplicaci[óo]n|aplica[çc][ãa]o|приложени\w*)\s+(?:of\s+the\s+|de\s+la\s+"
    r"|da\s+|de\s+l['’]\s*)?(?:conference|event|conferencia|confer[êe]ncia|conf[ée]rence"
    r"|[ée]v[ée]nement|evento|конференци\w*)\b"
    r"|\bbalc[ãa]o\s+de\s+(?:apoio|informa[çc][õo]es|atendimento)\b|\bmostrador\s+de\b"
    r"|\bкак\s+подключиться\s+к\s+(?:wi-?fi|вай-?фа\w*|интернет\w*|сети)",
    re.IGNORECASE,
)
# The event itself.
_EVENT = re.compile(
    r"\b(?:session|panel|workshop|conference|training|venue|(?<!capacity )building|organi[sz]ers?"
    r"|speakers?|speech|participants?|presentation|keynote|plenary|course"
    # the same in French, Spanish and Portuguese
    r"|atelier|formation|taller|curso|cours|oficina|sesi[óo]n|s[ée]ance|sess[ãa]o"
    r"|webinars?|webinaires?|seminarios?|s[ée]minaires?|вебинар\w*|семинар\w*"
    r"|salle|sala|pl[ée]ni[èe]re|plenaria|plen[áa]ria|зал\w*)\b",
    re.IGNORECASE,
)
# The way somewhere, even to the police ("where is the nearest police station"): a map's job.
_WAY = re.compile(r"\bwhere\s+is\s+the\s+(?:nearest|closest)\b", re.IGNORECASE)
# Anything of the law or of a case: then the question is about the treaties ("can a witness
# be heard by video conference?", "a man paid a girl for sex in a hotel"). A video conference
# alone is the event's ("does the room have a video conference system for our speaker").
_LAW = re.compile(
    r"\b(?:law|legal|legally|illegal|lawful|offen[cs]es?|crimes?|criminal|article|art"
    r"|convention|treaty|protocol|police|prosecutors?|court|judges?|evidence|warrant|suspect"
    r"|victims?|data\s+protection|personal\s+data|consent|hack\w*|abus\w*"
    r"|child\w*|kids?|sex\w*|punish\w*|prostitut\w*|trial|accused|hearing|witness\w*"
    r"|seiz\w*|confiscat\w*|intercept\w*|preserv\w*|extradit\w*"
    # heard as a witness or expert by video link: ETS 182 Art. 9, not the room's screen
    r"|heard\s+(?:by|via|through|over)\s+video\w*|testif\w*"
    # the same in French, Spanish, Portuguese and Russian
    r"|lois?|ley(?:es)?|leis?|d[ée]lits?|delitos?|infractions?|infracci[óo]n\w*|infra[çc][õoã]\w*"
    r"|juges?|juez|jueces|ju[íi]z(?:es)?|procureurs?|fiscal(?:es)?|promotor\w*|polic[íi]a|preuves?"
    r"|pruebas?|provas?|saisies?|incautaci[óo]n\w*|apreens[ãa]o\w*|perquisitions?|conven[çc][ãa]o"
    r"|convenci[óo]n|convenio|art[íi]culos?|artigos?|закон\w*|преступлен\w*|суд\w*|полици\w*"
    r"|конвенц\w*|стать\w*)\b",
    re.IGNORECASE,
)


# What a session is on names its topic, not the question's: "the slides from this morning's
# session on electronic evidence" asks for slides.
_TOPIC = re.compile(
    r"\b(?:session|panel|presentation|workshop|talk|training|keynote|lecture|module|course)s?\s+"
    r"(?:on|about)\s+[^?.,;!]*",
    re.IGNORECASE,
)


# A password asked for: the wifi's, a shared drive's. No treaty answers it, whatever else the
# question names ("the wifi password for the Budapest Convention workshop").
_PASSWORD = re.compile(
    r"\bwhat(?:'s|\s+is)\s+the\s+(?:[\w-]+\s+){0,3}password\b"
    r"|^\W*(?:please\s+)?(?:(?:can|could)\s+you\s+)?(?:tell|give|send|show)\s+(?:me|us)\s+"
    r"(?:the|your|a)\s+(?:[\w-]+\s+){0,2}password\b"
    r"|\b(?:wi-?fi|network|guest)\s+(?:password|code|key)\b"
    # in French, Spanish, Portuguese and Russian: "Le dossier partagé demande un mot de passe,
    # lequel ?", "¿cuál es la contraseña del wifi?"
    r"|\bquel\s+est\s+le\s+mot\s+de\s+passe\b|\bmot\s+de\s+passe\s*,\s*lequel\b"
    r"|\bcu[áa]l\s+es\s+la\s+contrase[ñn]a\b|\bqual\s+[ée]\s+a\s+senha\b|\bкакой\s+пароль\b",
    re.IGNORECASE,
)


def asks_for_a_password(text: str) -> bool:
    return bool(_PASSWORD.search(text))


def only_the_desk(text: str) -> bool:
    """Whether ``text`` asks what only a desk does (a device to charge, slides to be sent),
    whatever article it names."""
    return bool(_DESK_ONLY.search(text))


# What only the venue has, the event named or not: "where is the toilet", "can I get a taxi
# to the airport".
_VENUE = re.compile(
    r"\b(?:toilets?|restrooms?|bathrooms?|lavator(?:y|ies)|cloakroom|taxis?|shuttles?|parking"
    r"|lost\s+and\s+found|coffee\s+breaks?|lunch|toilettes|vestiaire|ba[ñn]os?"
    r"|banheiros?|туалет\w*|гардероб\w*|такси)\b",
    re.IGNORECASE,
)


def about_the_event(text: str) -> bool:
    """Whether ``text`` asks something practical about the event and nothing of the law."""
    if _WAY.search(text) or only_the_desk(text):
        return True
    practical = (
        _DESK.search(text)
        or _VENUE.search(text)
        or (_PRACTICAL.search(text) and _EVENT.search(text))
    )
    return bool(practical and not _LAW.search(_TOPIC.sub(" ", text)))


# A piece of work asked of the bot: writing, translating or summing up the asker's own text.
_TASK = re.compile(
    r"\b(?:help\s+me\s+|can\s+you\s+|could\s+you\s+|please\s+)?"
    r"(?:write|draft|prepare|translate|summari[sz]e|proofread|rewrite|design)\s+"
    r"(?:me\s+)?(?:my|a|an|the|our|this)\s+(?:[\w-]+\s+){0,2}"
    r"(?:presentation|speech|slides?|e-?mail|letter|report|essay|cv|poster|article|text|summary"
    r"|minutes|post|tweet)\b"
    # "Summarise this in three bullet points: '...'", "translate this into French: ..."
    r"|\b(?:summari[sz]e|translate|paraphrase|proofread|rewrite)\s+this\b(?!\s+(?:article|provision"
    r"|paragraph))[^:]{0,60}:"
    # homework: "help me with my daughter's maths homework: solve 3x + 7 = 22"
    r"|\b(?:maths?|math[ée]matiques|matem[áa]ticas?)\s+homework\b|\bhomework\b[^.!?]{0,40}\bsolve\b"
    r"|\bsolve\s+(?:for\s+x\s*:?\s*)?\d*\s*[a-z]\s*[-+*/^]\s*\d",
    re.IGNORECASE,
)
# A piece of writing the bot never produces, whatever it is about: "write a 1,500-word essay
# on whether the Budapest Convention is neo-colonial", "give me a 12-slide PowerPoint outline",
# "make a quiz about cybercrime", "redacta un comunicado de prensa", "resuma em cinco linhas".
_ARTEFACT = re.compile(
    r"^\W*(?:(?:please|pls|kindly)\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?"
    r"(?:write|draft|compose|make|create|generate|produce|prepare|give\s+me|put\s+together)\s+"
    r"(?:me\s+|us\s+)?(?:a|an|the|some|my|our)?\s*(?:[\w,.$-]+\s+){0,4}"
    r"(?:essays?|poems?|songs?|quiz(?:zes)?|outlines?|press\s+releases?|powerpoints?|slide\s+decks?"
    r"|lesson\s+plans?|speeches|speech|tweets?|blog\s+posts?|bills?|op-eds?|cover\s+letters?"
    r"|limericks?|haikus?|stor(?:y|ies)|scripts?\s+for\s+a\s+(?:video|play|podcast))\b"
    r"|^\W*(?:redacta|redacte|r[ée]dige[sz]?|escribe|escreva|[ée]cri[st]|напиши(?:те)?|составь(?:те)?)"
    r"\s+(?:[\w-]+\s+){0,3}(?:comunicado|communiqu[ée]|ensayo|essai|ensaio|poema|po[èe]me|discurso"
    r"|discours|пресс-релиз|эссе|стих\w*|речь)"
    # "Peux-tu rédiger mon CV ?", "Помоги написать вежливое письмо начальнику"
    r"|^\W*(?:peux-tu|pouvez-vous|pourrais-tu|puedes|podr[íi]as|podes|pode|можешь|помоги(?:те)?"
    r"|aide-moi\s+[àa]|ay[úu]dame\s+a|ajuda-me\s+a)\s+(?:r[ée]diger|[ée]crire|escribir|redactar"
    r"|escrever|redigir|написать|составить)\s+(?:[\w-]+\s+){0,3}(?:cv|curriculum|lettre|courriel"
    r"|e-?mail|carta|correo|curr[íi]culo|письм\w*|резюме|заявлени\w*)"
    # a whole text summed up: "Resuma a convenção de Lanzarote", "Resume el Convenio de Budapest"
    r"|^\W*(?:resuma|resume|r[ée]sume[sz]?|resumir|summari[sz]e|резюмируй(?:те)?)\s+(?:a\s+|o\s+"
    r"|la\s+|el\s+|le\s+|the\s+)?(?:conven[çc][ãa]o|convenio|convenci[óo]n|convention|protocolo"
    r"|protocole|protocol|tratado|trait[ée]|treaty|конвенци\w*)\b"
    # a summary of a set length: "write me a summary of the convention in 100 words"
    r"|\b(?:summar(?:y|i[sz]e)|sum\s+up)\b[^?!]{0,80}?\b(?:in|within|under)\s+(?:\d+|one|two"
    r"|three|five|ten|a\s+few)\s+(?:words|lines|sentences|bullet\s+points|paragraphs?)\b"
    r"|^\W*(?:resuma|resume|r[ée]sume[sz]?|резюмируй(?:те)?|перескажи(?:те)?)\s+(?:em|en|в)\s+\w+"
    r"\s+(?:linhas?|l[íi]neas?|lignes?|phrases?|frases?|строк\w*|предложени\w*)",
    re.IGNORECASE,
)
# A joke, even one about hackers, as "tell me a joke" is declined.
_JOKE = re.compile(
    r"\b(?:tell|make|write)\s+(?:me\s+|us\s+)?(?:a\s+|another\s+|some\s+)?(?:[\w-]+\s+){0,2}jokes?\b"
    r"|\braconte[sz]?(?:-moi|-nous)?\s+une\s+(?:[\w-]+\s+)?blague|\bcu[ée]ntame\s+un\s+chiste"
    r"|\bconta(?:-me)?\s+uma\s+piada|\bрасскажи(?:те)?\s+(?:\w+\s+)?(?:анекдот|шутку)",
    re.IGNORECASE,
)


# A translation asked for, in English, French, Spanish, Portuguese or Russian: the texts are
# held in English only, the bot translates nothing ("translate 'letter rogatory' into
# Japanese", "traduis « entraide » en anglais"). Asked of the bot: "do I have to translate my
# request into Polish?" asks what the 1959 Convention requires.
_TRANSLATE = re.compile(
    r"^\W*(?:(?:please|pls|kindly)\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?"
    r"|help\s+me\s+|i\s+(?:need|want)\s+you\s+to\s+)?"
    r"translat\w*\b[^?!]{0,120}?\b(?:into|to|in)\s+(?:english|french|spanish|portuguese"
    r"|russian|german|italian|arabic|chinese|mandarin|japanese|korean|turkish|polish"
    r"|ukrainian|romanian|dutch|greek|hindi|swahili|persian|farsi|hebrew|thai|vietnamese"
    r"|indonesian|malay|georgian|armenian|azerbaijani|serbian|croatian|albanian|bulgarian)\b"
    r"|\b(?:tradu\w+|переведи\w*|перевести)\b[^?!]{0,120}?\b(?:en|al|para|o|на)\s+"
    r"(?:anglais|fran[cç]ais|espagnol|ingl[eé]s|espa[nñ]ol|franc[eé]s|portugu[eê]s|russe|ruso"
    r"|russo|английск\w*|французск\w*|испанск\w*|португальск\w*|русск\w*)\b",
    re.IGNORECASE,
)


def asks_for_translation(text: str) -> bool:
    """Whether ``text`` asks the bot to translate something."""
    return bool(_TRANSLATE.search(text))


# A document to draft for the asker's own case, naming no article: "please draft a letter to
# Google asking them to preserve a Gmail account", "Redáctame un oficio para pedir a la
# operadora los datos de un abonado". Naming one ("draft a production order under article
# 18"), it asks what the article provides, which is quoted.
_DRAFT = re.compile(
    r"^\W*(?:(?:please|pls|kindly)\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?"
    r"|help\s+me\s+(?:to\s+)?|i\s+(?:need|want)\s+you\s+to\s+)?"
    r"(?:draft|write|prepare|compose)\s+(?:me\s+|us\s+)?(?:up\s+)?(?:a|an|the|my|our)\s+"
    r"(?:[\w/'-]+\s+){0,4}?(?:letters?|requests?|orders?|warrants?|memos?|terms\s+of\s+reference"
    r"|indictments?|complaints?|subpoenas?|notices?|e-?mails?|templates?|forms?)\b"
    r"|^\W*(?:por\s+favor,?\s+)?(?:red[áa]ctame|redacta|redacte|escr[íi]beme|escribe|escriba"
    r"|prep[áa]rame|r[ée]dige[sz]?(?:-moi)?|[ée]cri[st](?:-moi)?|[ée]crivez(?:-moi)?|redija"
    r"|escreva(?:-me)?|escreve|составь(?:те)?"
    r"|напиши(?:те)?|подготовь(?:те)?)\s+(?:[\w-]+\s+){0,3}?(?:oficio|carta|solicitud"
    r"|petici[óo]n|requerimiento|lettre|demande|requ[êe]te|of[íi]cio|pedido|requisi[çc][ãa]o"
    r"|modelo|formulario|formul[áa]rio|plantilla|mod[èe]le|formulaire|courrier|correo|e-?mail"
    r"|письм\w*|запрос\w*|ходатайств\w*)\b",
    re.IGNORECASE,
)
# A file to work on: "summarise the attached PDF of the Senate debate", "review the document
# I uploaded".
_ATTACHED = re.compile(
    r"\b(?:summari[sz]e|translate|read|review|check|analy[sz]e|proofread|correct|go\s+through)"
    r"\s+(?:the|this|my|our)\s+attached\b"
    r"|\b(?:the|this)\s+(?:pdf|document|file|attachment|report)\s+(?:i|we)\s+(?:just\s+)?"
    r"(?:sent|attached|uploaded|shared|forwarded)\b",
    re.IGNORECASE,
)
_ARTICLE_NAMED = re.compile(r"\b(?:art(?:icle|[íi]culo|igo)?s?\.?|стать\w*)\s*\d", re.IGNORECASE)


def asks_for_a_draft(text: str) -> bool:
    """Whether ``text`` asks the bot to draft a letter, request or order, naming no article
    whose text it could quote instead."""
    return bool(_DRAFT.search(text)) and not _ARTICLE_NAMED.search(text)


def a_task(text: str) -> bool:
    """Whether ``text`` asks the bot to write, translate or sum up something, and nothing of
    the law ("help me write my presentation on cybercrime trends in Sri Lanka"), a joke, or
    a translation into a language ("translate 'letter rogatory' into Japanese");
    "help me draft a preservation request under Article 29" is about the law, "summarise
    this: 'Ransomware victims paid less in 2024 ...'" is not, nor is an essay, a poem, a quiz
    or slides on any subject (``_ARTEFACT``)."""
    if _JOKE.search(text) or _ARTEFACT.search(text) or asks_for_translation(text):
        return True
    if _ATTACHED.search(text):  # the bot reads no attachment, whatever it is about
        return True
    task = _TASK.search(text)
    if task is None:
        return False
    # what follows "summarise this in three bullet points:" is the asker's material, whatever
    # it speaks of ("... as more victims refused to pay"); the request is what comes before
    asked = text[: task.end()] if task.group().endswith(":") else text
    return not _LAW.search(_TOPIC.sub(" ", asked))
