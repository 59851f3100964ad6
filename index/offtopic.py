"""Questions no text answers, told by their form whatever their words: an opinion asked of the
bot ("do you think encryption backdoors are a good idea?", "which treaty would you pick if you
were a minister?") or a prediction ("predict for me: will India join within five years?"), the
news, a general-knowledge fact ("what is the capital of Mauritius?"), code to write ("write me
a python script that scrapes a Telegram channel") and how to use a forensic or investigative
tool ("how do I image a drive with FTK Imager, step by step?").

Their words are often the treaties' (encryption, the police, a public channel, Article 32), so
search would quote an article as if it answered. A question whether conduct is a crime, or
what an article covers, is about the law even when asked as an opinion ("do you think this is
illegal?") and is answered.
"""

from __future__ import annotations

import re

_OPINION = re.compile(
    r"\b(?:do|don't|dont)\s+you\s+(?:really\s+)?(?:think|believe|feel|agree)\b"
    r"|\bwhat\s+do\s+you\s+(?:think|feel|make)\s+(?:of|about)\b"
    r"|\b(?:in\s+your|your\s+(?:own\s+|personal\s+|honest\s+)?)(?:opinion|view|take)\b"
    r"|\bwould\s+you\s+(?:pick|choose|prefer|vote|support|sign|recommend\s+(?:joining|signing))\b"
    r"|\bif\s+you\s+were\s+(?:a|an|the)\s+\w+"
    r"|\b(?:was|is)\s+it\s+(?:a\s+)?(?:mistake|wise|smart|right|wrong)\s+(?:for|to|of)\b"
    r"|\b(?:a\s+good|a\s+bad|a\s+terrible|a\s+great)\s+idea\b"
    r"|\b(?:outdated|overrated|obsolete)\b[^.!?]{0,40}\bcompared\b"
    # a prediction: "predict for me: will India join within five years?", "the odds that"
    r"|\bpredict(?:ion)?s?\b(?:\s+for\s+(?:me|us))?\s*(?::|whether|if|who|when|which|how)"
    r"|\bwhat\s+are\s+the\s+(?:chances|odds)\b|\b(?:chances|odds)\s+(?:are\s+)?that\b"
    r"|\bhow\s+likely\s+is\s+it\s+that\b"
    # a judgement of what someone did, a guess at what a State or a person will do: "was
    # Snowden right to leak ...?", "will Russia ever return ...?", "who will win ...?"
    r"|\b(?:was|were)\s+(?:[\w.'-]+\s+){1,3}(?:right|wrong)\s+to\b"
    r"|\bwill\s+(?:[\w-]+\s+){1,2}ever\b|\bwho\s+will\s+win\b|\bкто\s+победит\b"
    # a judgement of a person in a role: "is Alexander Seger a good speaker?"
    r"|\b(?:is|was|are|were)\s+(?:[\w.'-]+\s+){1,3}(?:a|an)\s+(?:good|bad|great|poor|terrible"
    r"|excellent|competent|incompetent|trustworthy|honest|reliable)\s+(?:speaker|person|man|woman"
    r"|expert|leader|lawyer|judge|prosecutor|minister|president|presenter|moderator|trainer"
    r"|chair|director|diplomat|negotiator)s?\b"
    r"|\bpr[ée]di(?:s|re|ga|z|ct)\w*\s*(?::|si\b|se\b)|\bпредскаж\w*|\bспрогнозиру\w*"
    # in French, Spanish, Portuguese and Russian
    r"|\bqu'en\s+pens\w*|\b(?:que|qu'est-ce\s+que)\s+(?:tu\s+)?pens(?:es|ez)(?:-tu|-vous)?\b"
    r"|\b(?:à|a)\s+(?:ton|votre)\s+avis\b|\bselon\s+(?:toi|vous)\b"
    r"|\bqu[ée]\s+opinas\b|\ben\s+tu\s+opini[óo]n\b|\b(?:t[úu]\s+)?crees\s+que\b"
    r"|\bcrois-tu\b|\bcroyez-vous\b|\bпо-(?:вашему|твоему)\b"
    r"|\bo\s+que\s+(?:voc[êe]\s+)?acha\b|\bna\s+sua\s+opini[ãa]o\b|\bvoc[êe]\s+acha\s+que\b"
    r"|\bкак\s+(?:ты|вы)\s+(?:думаешь|думаете|считаешь|считаете)\b|\b(?:тво[её]|ваше)\s+мнение\b",
    re.IGNORECASE,
)
# Asked as an opinion, still a question of the law: "do you think sharing this is illegal?",
# "in your view, which article covers it?".
_ABOUT_THE_LAW = re.compile(
    r"\b(?:a\s+crime|an?\s+offen[cs]e|criminal|illegal|unlawful|lawful|legal|punishable"
    r"|allowed|covered|appl(?:y|ies)|article|provision|art\.?\s*\d|court\s+order|warrant"
    r"|personal\s+data|data\s+protection|privacy|request\w*|preserv\w*|dual\s+criminality"
    # a data subject's own data: "what a company knows about me", "my records"
    r"|(?:about|on|of)\s+me|my\s+(?:own\s+)?(?:data|information|records?|files?|details)"
    r"|jurisdiction|intercept\w*"
    r"|mutual\s+assistance|extradit\w*|evidence)\b"
    # what someone may or must do: "do you think the police can ask for the logs?"
    r"|\b(?:can|may|must|could|should|shall)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:police"
    r"|prosecutors?|authorit\w+|investigators?|courts?|judges?|providers?|we|they|part(?:y|ies)"
    r"|states?|country|countries)\b"
    r"|\b(?:police|prosecutors?|authorit\w+|investigators?|courts?|judges?|providers?|part(?:y|ies)"
    r"|states?|country|countries)\s+(?:can|may|must|could|should|shall|(?:is|are)\s+allowed)\b",
    re.IGNORECASE,
)
# A general-knowledge fact about a place: its capital, population, currency or language.
_GENERAL_KNOWLEDGE = re.compile(
    r"\b(?:what|which)(?:'s|\s+is|\s+was)\s+the\s+(?:capital(?:\s+city)?|population|currency"
    r"|official\s+languages?|national\s+(?:dish|anthem|animal|sport)|highest\s+mountain"
    r"|longest\s+river|gdp)\s+of\b"
    r"|\bhow\s+many\s+(?:people|inhabitants)\s+live\s+in\b"
    # a conversion: "Convert 90 days into hours for me", "how many hours are in 90 days?"
    r"|\bconvert\s+[^?]{1,40}?\s+(?:in)?to\s+(?:hours|minutes|seconds|weeks|months|years|euros?"
    r"|dollars?|pounds|francs|roubles|rubles|reais|pesos|rupees)\b"
    r"|\bhow\s+many\s+(?:hours|minutes|seconds)\s+(?:are\s+)?(?:there\s+)?in\b"
    # pay in a trade: "What salary is normal for a cyber analyst in a prosecution service?"
    r"|\bwhat\s+(?:salary|wage|pay)\s+is\s+(?:normal|usual|typical|fair)\b"
    r"|\bhow\s+much\s+(?:does|do)\s+(?:a|an)\s+(?:[\w-]+\s+){1,4}(?:earn|make)\b"
    r"|\bquelle\s+est\s+la\s+capitale\b|\bcu[áa]l\s+es\s+la\s+capital\b"
    r"|\bqual\s+(?:é|e)\s+a\s+capital\b|\bкакая\s+столица\b|\bстолица\s+\w+\s*\?",
    re.IGNORECASE,
)
# Code asked for: a script, a query, a regular expression, whatever it is for.
_LANGUAGES = r"(?:python|sql|bash|shell|powershell|javascript|java|php|c\+\+|c#|go|rust|excel|vba)"
_CODE = re.compile(
    r"\b(?:write|give|send|show|generate|code|draft|make)\s+(?:me\s+|us\s+)?"
    r"(?:a\s+|an\s+|some\s+|the\s+)?(?:quick\s+|small\s+|simple\s+)?"
    rf"(?:{_LANGUAGES}\s+)?(?:script|query|regex|regular\s+expression|macro|snippet|one-liner"
    rf"|program|function|formula)\b"
    rf"|\b(?:write|give|send|show|generate)\s+(?:me\s+|us\s+)?(?:the\s+|some\s+)?{_LANGUAGES}"
    r"\s+(?:code|for)\b"
    # code to mend: "fix my SQL please: SELECT ...", "debug this python script"
    rf"|\b(?:fix|debug|correct|optimi[sz]e)\s+(?:my|this|our)\s+(?:{_LANGUAGES}|code|script"
    r"|query|regex|formula|macro)\b"
    # in French, Spanish, Portuguese and Russian: "écris-moi un script Python", "escribe un
    # script", "escreva um código", "напиши bash-скрипт"
    r"|\b(?:[ée]cri[st](?:-moi)?|[ée]crivez(?:-moi)?|escr[íi]beme|escribe|escriba|escreva(?:-me)?"
    r"|escreve|напиши(?:те)?)[\s,]+(?:(?:un|une|uno|una|um|uma|moi|me|пожалуйста|мне)[\s,]+){0,3}"
    rf"(?:[\w-]+\s+)?(?:scripts?|code|c[óo]digo|programme|programa|macro|regex|{_LANGUAGES}"
    r"|[\w-]*скрипт\w*|код\w*|программ\w*)\b",
    re.IGNORECASE,
)


# The news: "what's the latest news about ransomware this week?", "what happened yesterday".
_NEWS = re.compile(
    r"\b(?:latest|recent|breaking|today's|this\s+week's|current)\s+(?:news|headlines)\b"
    r"|\bin\s+the\s+news\b|\bnews\s+(?:about|on)\b[^?.!]{0,60}\b(?:this\s+(?:week|month|year)"
    r"|today|yesterday|lately|recently)\b|\bwhat\s+happened\s+(?:today|yesterday|this\s+week)\b"
    r"|\b(?:derni[èe]res|[úu]ltimas)\s+(?:nouvelles|noticias|not[íi]cias)\b|\bпоследние\s+новости\b"
    # "what's the latest on the ransomware attack on the British Library?"
    r"|\bwhat(?:'s|\s+is)\s+the\s+latest\s+(?:on|about|with)\b",
    re.IGNORECASE,
)


# The world's events and figures, which no treaty states: how many cases, attacks or victims
# there were, who was behind an attack or founded something, what became of a named case.
_WORLD = re.compile(
    r"\bhow\s+many\s+(?:[\w/-]+\s+){0,3}?(?:cases|attacks|victims|hackers|cybercriminals"
    r"|criminals|incidents|breaches|prosecutions|convictions|arrests|complaints|offenders"
    r"|requests|contact\s+points|images|pictures|videos)\b"
    r"|\bwhat\s+(?:percentage|proportion|share)\s+of\b"
    r"|\b(?:which|what)\s+(?:is|was)\s+the\s+(?:biggest|largest|worst|most\s+famous)\b"
    r"|\bwhich\s+country\s+has\s+the\s+(?:most|highest|largest)\b"
    r"|\bwhich\s+(?:country|countries|city|region)\s+(?:is|are)\s+the\s+(?:most\s+dangerous|safest"
    r"|most\s+affected|most\s+targeted|worst|riskiest)\b"
    r"|\bwhat\s+sentence\s+did\b"
    # "which hacker group attacked Ukraine's power grid?", "which ransomware gang hit ...?"
    r"|\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:group|gang|hackers?|actors?)\s+(?:attacked|hacked"
    r"|hit|breached|targeted|(?:was|were)\s+behind)\b"
    # asked, not told: "was Gary McKinnon extradited?", not "a driver who was convicted"
    r"|(?:^|[.?!:]\s+)(?:was|were)\s+(?:[\w.$'-]+\s+){1,3}?(?:ever\s+|finally\s+)?"
    r"(?:extradited|convicted|sentenced|jailed)\b"
    r"|(?:^|[.?!:]\s+)is\s+(?:[\w.$'-]+\s+){1,3}?going\s+to\s+be\s+(?:extradited|convicted)\b"
    r"|\bwhat\s+(?:was|is)\s+the\s+outcome\s+of\s+the\s+[\w\s.$'-]{1,40}?\s+case\b"
    r"|\bwhat\s+happened\s+to\s+the\s+"
    r"|\bcu[áa]nt[oa]s\s+(?:casos|ataques|v[íi]ctimas|hackers|delitos)\b"
    r"|\bquant[oa]s\s+(?:casos|ataques|v[íi]timas|hackers|crimes)\b"
    r"|\bcombien\s+(?:de\s+|d')(?:cas|attaques|victimes|hackers|pirates)\b"
    r"|\bсколько\s+(?:случаев|атак|жертв|хакеров|преступлений)\b",
    re.IGNORECASE,
)
# Who did something in the world, whatever treaty is named: "who wrote the Lanzarote
# Convention?" (not "who can sign it?")
_WORLD_WHO = re.compile(
    r"\bwho\s+(?:hacked|founded|invented|leaked|stole|wrote|drafted|authored)\b"
    # an attack's authors, not an account's holder ("who is behind this account?")
    r"|\bwho\s+(?:was|is|were|are)\s+behind\s+(?:the\s+)?(?:[\w.$'-]+\s+){0,3}?(?:hack|attack"
    r"|breach|leak|group|gang|ransomware|botnet|scam|worm|virus|malware)s?\b"
    r"|\bwho\s+(?:is|was)\s+the\s+(?:most\s+famous|biggest|first)\b"
    r"|\bwho\s+(?:designed|created|built|released)\s+the\s+first\b"
    r"|\bwho\s+(?:was|were)\s+behind\s+(?:it|them|this|that)\b"
    r"|\bqui[ée]n\s+fue\s+el\s+hacker\b|\bquem\s+foi\s+o\s+hacker\b"
    # "Quem foi responsável pelo ataque hacker ao ...?", "¿Quién estuvo detrás del ataque ...?"
    r"|\b(?:quem|qui[ée]n)\s+(?:foi|fue|esteve|estuvo)\s+(?:o\s+|el\s+)?(?:respons[áa]vel"
    r"|responsable|por\s+tr[áa]s|detr[áa]s)\s+(?:pelo|del|de\s+la|da|do)\s+(?:ataque|hack|vazamento"
    r"|filtraci[óo]n)\b|\bqui\s+(?:est|était|a\s+été)\s+(?:responsable\s+de|derrière)\s+"
    r"(?:l['’]\s*attaque|la\s+fuite|le\s+piratage)|\bкто\s+(?:стоит|стоял)\s+за\s+(?:атак|взлом)\w*"
    r"|\bqui\s+(?:est|était)\s+le\s+(?:hacker|pirate)\b"
    r"|\bwho\s+(?:is|was)\s+the\s+(?:prosecutor|judge|lawyer)\s+in\b"
    r"|\bqui\s+a\s+(?:fondé|écrit|rédigé)\b|\bqui[ée]n\s+(?:fund[óo]|escribi[óo]|redact[óo])\b"
    r"|\bquem\s+(?:fundou|escreveu|redigiu)\b|\bкто\s+(?:основал|написал|создал|взломал)\b",
    re.IGNORECASE,
)
# ... unless the law is asked too: "how many victims can a joint team hear?"
_LAW_TOO = re.compile(
    r"\b(?:must|shall|may|can|could|should|required|allowed|article|convention|protocol"
    r"|treaty|debe|puede|pode|deve|doit|peut|art[íi]culo|artigo|convenio|conven[çc][ãa]o"
    r"|должн\w*|може\w*|стать\w*|конвенц\w*)\b",
    re.IGNORECASE,
)


# ... unless an article is asked for: "who invented expedited disclosure - which article?"
_WHICH_ARTICLE_IN_ENGLISH = r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:articles?|provisions?)\b"
_ARTICLE_ASKED = re.compile(rf"{_WHICH_ARTICLE_IN_ENGLISH}|\barticles?\s+\d", re.IGNORECASE)


# Which article, asked in the five languages: "which article criminalises this?", "quel
# article s'applique ?", "¿qué artículo ...?", "qual artigo ...?", "какая статья ...?"
_WHICH_ARTICLE = re.compile(
    rf"{_WHICH_ARTICLE_IN_ENGLISH}"
    r"|\bquel(?:le)?s?\s+(?:articles?|dispositions?)\b|\bqu[ée]\s+(?:art[íi]culos?|disposici[óo]n)"
    r"|\bqua(?:l|is)\s+(?:artigos?|disposi[çc][ãa]o)\b|\bкак(?:ая|ие|ой)\s+стать\w*",
    re.IGNORECASE,
)


def asks_which_article(text: str) -> bool:
    """Whether ``text`` asks which article applies (not one it cites)."""
    return bool(_WHICH_ARTICLE.search(text))


def asks_for_an_article(text: str) -> bool:
    """Whether ``text`` asks which article or provision: then the law is asked, whoever
    else it names ("who introduced grooming as an offence - which Lanzarote article?")."""
    return bool(_ARTICLE_ASKED.search(text))


def asks_of_the_world(text: str) -> bool:
    """Whether ``text`` asks the world's events or figures, not the law: "how many
    ransomware attacks were there in 2023?", "who was behind the Colonial Pipeline hack?",
    "what sentence did Ross Ulbricht get?". No treaty states them; a programme document may."""
    if asks_for_an_article(text):
        return False
    if _WORLD_WHO.search(text):
        return True
    return bool(_WORLD.search(text)) and not _LAW_TOO.search(text)


def asks_for_news(text: str) -> bool:
    """Whether ``text`` asks for the news: the documents end in 2014."""
    return bool(_NEWS.search(text))


# A treaty judged or a State's next step foretold, in the five languages: "is the Budapest
# Convention a good treaty?", "la convention de Budapest est-elle efficace ?", "will Russia join
# the Budapest Convention?", "¿Rusia firmará el convenio?", "что вы думаете о конвенции?". The
# treaties say what they provide, not how well they work or who will join them.
_JUDGED = re.compile(
    r"^\W*(?:is|are)\s+(?:the\s+)?(?:(?!(?:under|in|of|by|within|for)\b)[\w-]+\s+){0,3}?"
    r"(?:convention|treaty|protocol|conventions"
    r"|treaties)\s+(?:really\s+|actually\s+|still\s+)?(?:a\s+)?(?:good|bad|effective|useful"
    r"|successful|success|failure|working|outdated|any\s+good|worth\s+(?:it|joining))\b"
    r"|\b(?:convention|traité|protocole)\s+(?:de\s+\w+\s+)?(?:est-(?:elle|il)|sont-(?:elles|ils))"
    r"\s+(?:vraiment\s+|encore\s+)?(?:efficaces?|utiles?|bonnes?|bons?|dépassée?s?|un\s+succès"
    r"|un\s+échec)"
    r"|\b(?:convenio|tratado|convenci[óo]n|protocolo|conven[çc][ãa]o)\s+(?:de\s+\w+\s+)?"
    r"(?:es|son|é|e|são)\s+(?:realmente\s+|mesmo\s+)?(?:eficaz|efectiv[oa]|efetiv[oa]|[úu]til"
    r"|buen[oa]|boa|bom|un\s+[ée]xito|um\s+sucesso|un\s+fracaso|um\s+fracasso)\b"
    r"|\bэффективн\w*\s+ли\b|\bнасколько\s+эффективн\w*|\bчто\s+(?:вы|ты)\s+думае\w*"
    # a State's next step: "will Russia (ever) join ...?", "la Russie va-t-elle adhérer ?"
    r"|\bwill\s+(?!(?:a|an|the|it|this|that|my|our|we|i|they|you|he|she|there)\b)[\w-]+"
    r"(?:\s+[\w-]+)?\s+(?:ever\s+)?(?:join|sign|ratify|accede|withdraw|leave|denounce)\b"
    r"|\b(?:firmar[áa]n?|ratificar[áa]n?|adherir[áa]n?|acceder[áa]n?|assinar[áa]|aderir[áa])\b"
    r"|\b(?:vai|v[ãa]o|ir[áa])\s+(?:um\s+dia\s+)?(?:aderir|assinar|ratificar)\b"
    r"|\b(?:va|vont)-t-(?:elle|il|ils|elles)\s+(?:un\s+jour\s+)?(?:adh[ée]rer|signer|ratifier)"
    r"|\b(?:signera|ratifiera|adh[ée]rera)\b"
    r"|\b(?:присоединится|подпишет|ратифицирует)\b"
    # the odds of it: "qual é a probabilidade de o Brasil ratificar ...?"
    r"|\b(?:probabilidade|probabilidad|probabilit[ée]|likelihood|chances?|вероятност\w*)\b"
    r"[^?.!]{0,60}?\b(?:ratif\w*|adh[ée]r\w*|aderir|assinar|firmar|signer|join|sign|accede"
    r"|присоедин\w*|ратифиц\w*|подпи\w*)"
    # two treaties compared, or a State's fight judged: "is the Budapest Convention better than
    # the new UN treaty?", "как вы оцениваете эффективность борьбы с киберпреступностью?"
    r"|^\W*(?:is|are)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:convention|treaty|protocol)\s+"
    r"(?:really\s+)?(?:better|worse|stronger|weaker|more\s+effective|less\s+effective)\s+than\b"
    r"|\bкак\s+(?:вы|ты)\s+оценива\w*"
    # the bot's view asked politely, a State's prospects or choice: "¿Qué opina usted del
    # Convenio?", "Qual é a sua opinião sobre ...?", "is Nigeria likely to accede soon?",
    # "should my country sign the Second Additional Protocol?"
    r"|\bqu[ée]\s+opina\s+usted\b|\bsua\s+opini[ãa]o\b|\bvotre\s+opinion\b"
    r"|\b(?:is|are)\s+[\w-]+(?:\s+[\w-]+)?\s+likely\s+to\s+(?:join|sign|ratify|accede)\b"
    r"|\bshould\s+(?:my|our)\s+(?:country|state|government|ministry)\s+(?:sign|ratify|join"
    r"|accede)\b"
    # a State, a firm or a person judged: "Is Russia a reliable partner for cooperation?", "is
    # Microsoft too powerful in shaping policy?", "did he do a good job as head of ...?"
    r"|^\W*(?:is|are)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:a\s+|an\s+)?(?:reliable|trustworthy|trusted"
    r"|credible|serious|good|bad)\s+partners?\b"
    r"|\b(?:socio|aliado|parceiro|partenaire|партн[её]р\w*)\s+(?:fiable|confiable|confi[áa]vel"
    r"|fi[áa]vel|fiable|de\s+confian[çc]a|de\s+confiance|s[ée]rieux|serio|s[ée]rio)\b"
    r"|\bнад[её]жн\w*\s+партн[её]р\w*"
    r"|^\W*(?:is|are)\s+(?:[\w-]+\s+){1,3}?too\s+(?:powerful|influential|big|strong|weak"
    r"|lenient|harsh|slow|corrupt)\b"
    r"|\bdid\s+(?:[\w.-]+\s+){1,4}?do\s+a\s+(?:good|bad|great|poor|decent)\s+job\b"
    # a trend foretold: "will ransomware attacks increase next year?"
    r"|\bwill\s+(?:[\w-]+\s+){1,4}?(?:increase|decrease|rise|fall|grow|decline|drop|go\s+up"
    r"|go\s+down|get\s+worse|get\s+better)\s+(?:again\s+)?(?:next|in\s+the\s+coming|this|by"
    r"|in)\s+(?:year|years|decade|months?|20\d\d)\b"
    r"|\b(?:vai|v[ãa]o|va|van|vont?)\s+(?:a\s+)?(?:aumentar|diminuir|disminuir|crescer|crecer"
    r"|augmenter|diminuer|baisser)\b[^?.!]{0,40}?\b(?:pr[óo]ximo\s+ano|pr[óo]ximo\s+a[ñn]o"
    r"|l['’]\s*ann[ée]e\s+prochaine|20\d\d)\b"
    r"|\b(?:aumentar[áa]n?|disminuir[áa]n?|diminuir[áa]|augmentera|diminuera|увеличит\w*|вырастет"
    r"|сократит\w*)\b[^?.!]{0,40}?\b(?:pr[óo]ximo|prochaine|следующ\w*|20\d\d)\b",
    re.IGNORECASE,
)


# How the asker's own case will end, which no treaty says: "What sentence will he probably
# get from our court?", "Can the parents win a civil case against the school?", "How long do
# such cases usually take?", "Какой срок он получит?"
_OUTCOME_FORETOLD = re.compile(
    r"\bwhat\s+(?:sentence|penalty|punishment|prison\s+term)\s+(?:will|would|could|is)\s+"
    r"(?:he|she|they|the\s+[\w-]+)\s+(?:probably\s+|likely\s+)?(?:get|receive|face)\b"
    r"|\bhow\s+(?:long|many\s+years)\s+(?:will|would)\s+(?:he|she|they)\s+(?:get|spend|serve)\b"
    r"|\b(?:can|could|will|would)\s+(?:the\s+)?[\w-]+\s+(?:win|lose)\s+(?:a|the|their|his|her"
    r"|this)\s+(?:civil\s+|criminal\s+)?(?:case|lawsuit|suit|trial|appeal)\b"
    r"|\bhow\s+long\s+do\s+(?:such|these|those)\s+cases\s+(?:usually\s+|normally\s+"
    r"|typically\s+)?take\b"
    r"|\bwhich\s+of\s+the\s+(?:two|three)\s+will\b"
    # how long a company usually takes: "How long does a company like Google usually take to
    # answer?", "Combien de temps Apple met-il habituellement à répondre ?"
    r"|\bhow\s+long\s+(?:does|do|will)\s+(?:a\s+company\s+like\s+|companies\s+like\s+)?"
    r"(?:google|apple|meta|facebook|microsoft|amazon|tiktok|telegram|whatsapp|the\s+provider"
    r"|providers|the\s+bank|banks|the\s+company|companies)\s+(?:usually\s+|normally\s+"
    r"|typically\s+)?take\b"
    r"|\b(?:google|apple|meta|facebook|microsoft|le\s+fournisseur|la\s+banque)\s+met(?:-il|-elle)?"
    r"\s+(?:habituellement|g[ée]n[ée]ralement|normalement)\b"
    r"|\b(?:suele|suelen|costuma|costumam)\s+(?:tardar|demorar)\b"
    r"|\btarda\s+(?:normalmente|habitualmente)\b|\bобычно\s+(?:занимает|отвечает|длится)\b"
    r"|\bwill\s+the\s+(?:[\w-]+\s+)?police\s+arrest\b"
    r"|\bкакой\s+срок\s+(?:он|она|они)\s+получ\w*|\bque\s+hip[óo]teses\s+h[áa]\b"
    r"|\bqu[ée]\s+posibilidades\s+hay\b|\bquelles\s+(?:sont\s+les\s+)?chances\b"
    # "will my case against the hacker be successful in court?", "can I win on appeal?",
    # "¿Ganaremos el caso?", "how many years in prison will my suspect get?"
    r"|\bwill\s+(?:my|our)\s+case\b[^?.!]{0,60}?\b(?:succeed|successful|win|fail)"
    r"|\bcan\s+(?:i|we)\s+win\s+(?:on\s+appeal|(?:the|this|my|our|a)\s+(?:case|appeal|trial"
    r"|lawsuit))\b|\bganar[ée]mos\b|\bvamos\s+ganhar\b|\bgagnerons-nous\b"
    # an election or a match foretold: "¿Quién ganará las próximas elecciones en México?"
    r"|\bwho\s+(?:will|is\s+going\s+to)\s+win\b|\bqui[ée]n\s+(?:ganar[áa]|va\s+a\s+ganar)\b"
    r"|\bquem\s+(?:ganhar[áa]|vai\s+ganhar)\b|\bqui\s+(?:gagnera|va\s+gagner)\b"
    r"|\bкто\s+(?:победит|выиграет)\b"
    r"|\bhow\s+many\s+years\s+(?:in\s+prison\s+)?will\s+(?:he|she|they|my|our|the)\b",
    re.IGNORECASE,
)


def asks_opinion(text: str) -> bool:
    """Whether ``text`` asks the bot's opinion, a judgement of a treaty or a prediction of a
    State's next step, not what the law says."""
    if _JUDGED.search(text) or _OUTCOME_FORETOLD.search(text):
        return True
    return bool(_OPINION.search(text)) and not _ABOUT_THE_LAW.search(text)


def without_opinion(text: str) -> str:
    """``text`` without what asks an opinion or a prediction ("Which article criminalises
    this, and what sentence will he get?" asks only the article)."""
    for pattern in (_OUTCOME_FORETOLD, _JUDGED, _OPINION):
        text = pattern.sub(" ", text)
    text = re.sub(r"[\s,]*(?:\band\b)?[\s,]*(?=\?\s*$)", "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


# A recommendation of something to read, watch or visit: "recommend a good Netflix series
# about hackers", "can you suggest a book on cybersecurity".
_RECOMMENDATION = re.compile(
    r"\b(?:recommend|suggest)\s+(?:me\s+|us\s+)?(?:a|an|some|any|the\s+best|good)\s+"
    r"(?:[\w-]+\s+){0,3}(?:books?|films?|movies?|series|shows?|documentar(?:y|ies)|podcasts?"
    r"|novels?|restaurants?|hotels?|bars?|museums?|games?|courses?|youtube\s+channels?)\b"
    # "which historians have written the best books on the Holocaust?", "a good podcast on ..."
    r"|\b(?:the\s+)?(?:best|good|great|must-read)\s+(?:[\w-]+\s+){0,2}?(?:books?|films?|movies?"
    r"|documentar(?:y|ies)|podcasts?|novels?|biograph(?:y|ies))\s+(?:on|about|to\s+read)\b"
    r"|\b(?:meilleurs?|bons?)\s+livres?\s+sur\b|\b(?:mejores|buenos)\s+libros\s+sobre\b"
    r"|\b(?:melhores|bons)\s+livros\s+sobre\b|\bлучш\w+\s+книг\w*\b",
    re.IGNORECASE,
)


# Products and services people compare or ask to be recommended: no treaty ranks them.
_PRODUCT = (
    r"(?:vpns?|apps?|applications?|password\s+managers?|anti-?virus(?:es)?|browsers?"
    r"|(?:smart)?phones?|laptops?|routers?|messengers?|messaging\s+apps?|cloud\s+services?"
    r"|e-?mail\s+providers?|internet\s+providers?|mobile\s+(?:plans?|operators?)|firewalls?"
    r"|lawyers?|attorneys?|solicitors?|starlink|fibre|fiber|cameras?|webcams?|usb\s+(?:sticks?"
    r"|keys?|drives?)|hard\s+drives?|signal|whatsapp|telegram|proton\s*mail|gmail|outlook"
    r"|software|tools?|vendors?|suppliers?|(?:incident\s+response\s+|security\s+|forensics?\s+)?"
    r"(?:companies|company|firms?|consultants?))"
)
_COMPARISON = re.compile(
    # "which password manager is better, Bitwarden or 1Password?", "which VPN should I use?"
    rf"\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}{_PRODUCT}\s+(?:is|are|would\s+be)\s+(?:the\s+)?"
    r"(?:better|best|faster|fastest|cheaper|cheapest|safer|safest|more\s+secure|most\s+secure)\b"
    rf"|\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}{_PRODUCT}\s+should\s+(?:i|we)\s+"
    r"(?:use|buy|choose|get|pick|install|trust|call|hire|contact)\b"
    # "the best VPN to watch Netflix", "is Starlink faster than fibre?"
    rf"|\b(?:best|fastest|cheapest|safest|most\s+secure)\s+(?:free\s+)?{_PRODUCT}\b"
    rf"|\bis\s+(?:[\w-]+\s+){{0,2}}{_PRODUCT}\s+(?:better|faster|cheaper|safer|more\s+secure)"
    r"\s+than\b"
    # "can you recommend a lawyer", "recommend me a good antivirus", "which OSINT browser
    # extensions do you recommend?"
    rf"|\b(?:recommend|suggest)\s+(?:me\s+|us\s+)?(?:a|an|some|any|good|the\s+best)\s+"
    rf"(?:[\w-]+\s+){{0,3}}{_PRODUCT}\b"
    r"|\b(?:which|what)\s+(?:[\w-]+\s+){0,4}(?:do|would|can)\s+you\s+(?:recommend|suggest)\b"
    # "which company can recover deleted whatsapp messages?"
    r"|\bwhich\s+(?:company|companies|firm|vendor|lab)\s+(?:can|could|is\s+able\s+to)\b"
    # the same in French, Spanish, Portuguese and Russian: "qual é a melhor VPN ...?"
    r"|\b(?:melhor(?:es)?|meilleure?s?|mejor(?:es)?)\s+(?:[\w-]+\s+){0,2}"
    r"(?:vpns?|apps?|aplicativos?|aplicaci[oó]n|application|antiv[ií]rus|navegador|navigateur"
    r"|advogados?|abogados?|avocats?)\b"
    r"|\bлучш\w*\s+(?:\w+\s+)?(?:vpn|впн|приложени\w*|антивирус\w*|адвокат\w*)",
    re.IGNORECASE,
)


# A tool asked for, no law named: "is there an AI tool that can review it faster?" (not "is
# there a tool in the Convention that lets us get data from abroad?")
_TOOL_ASKED = re.compile(
    r"\bis\s+there\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,2}(?:tool|software|app|program)s?"
    r"\s+(?:that|which|to)\b",
    re.IGNORECASE,
)


def asks_which_product(text: str) -> bool:
    """Whether ``text`` compares products or services or asks for one to be recommended
    ("which password manager is better, Bitwarden or 1Password?", "is Starlink faster than
    fibre?", "qual é a melhor VPN para ver a Netflix?"), even after naming an article: the
    treaties rank no product."""
    if _TOOL_ASKED.search(text) and not _LAW_ASKED.search(text):
        return True
    return bool(_COMPARISON.search(text))


# Advice on what the asker should do, as a decision: "should I pay them?", "should I plead
# guilty?", "do I have a good case?", "dois-je prendre un avocat ?", "¿debo contratar ...?"
_ADVICE = re.compile(
    # a yes-or-no question of its own, not "who should we call at night ...?"
    r"(?:^\W*|[.?!,;:]\s*|\b(?:and|or|so|now|then)\s+)should\s+(?:i|we)\s+(?:just\s+|rather\s+)?(?:pay|plead|call|go|tell|remove|leave|talk"
    r"|ask\s+for\s+a\s+(?:transfer|raise|promotion|leave|day\s+off)|resign"
    r"|give|stay|shut|sue|hire|contact|delete|wait|change|answer|reply|block|ignore|confront"
    r"|pretend|trust|accept|sign|move|quit|keep|send|buy|transfer|settle|agree|respond|divorce"
    r"|forgive|break\s+up)\b"
    # another made to act in the asker's quarrel: "How can I make the school expel the boy?"
    r"|\bhow\s+(?:can|do|could)\s+(?:i|we)\s+(?:make|force|get)\s+(?:the|my|our|his|her)\s+[\w-]+"
    r"\s+(?:to\s+)?(?:expel|fire|sack|suspend|apologi[sz]e|punish|refund)\b"
    r"|\bdo\s+(?:i|we)\s+have\s+a\s+(?:good\s+|strong\s+|real\s+)?case\b"
    # another's decision in the asker's case: "Should the hospital pay?"; what to tell the press
    r"|(?:^\W*|[.?!,;:]\s*)should\s+(?:the|my|our)\s+(?!(?:party|parties|state|states"
    r"|requesting|requested|country|provider|court)\b)[\w-]+\s+(?:just\s+)?(?:pay|sue|settle"
    r"|plead|resign)\b"
    r"|\bwhat\s+should\s+(?:i|we)\s+(?:say|tell)\s+(?:to\s+)?(?:the\s+)?(?:press|media|journalists?"
    r"|reporters?)\b"
    r"|\bis\s+it\s+a\s+good\s+idea\s+for\s+(?:me|us)\b"
    # what to do now, with no law asked: "they'll post my photos unless I pay. what do I do
    # right now??", "Что мне делать прямо сейчас?"
    r"|\bwhat\s+(?:do|should|shall)\s+(?:i|we)\s+do\s+(?:right\s+)?(?:now|first|tonight"
    r"|immediately)\b|\bчто\s+мне\s+делать\s+(?:прямо\s+)?(?:сейчас|теперь)\b"
    r"|\bque\s+(?:dois-je|devrais-je)\s+faire\s+(?:maintenant|tout\s+de\s+suite)\b"
    r"|\bqu[ée]\s+(?:debo|deber[íi]a)\s+hacer\s+(?:ahora|ya)\b"
    r"|\bo\s+que\s+(?:devo|deveria)\s+fazer\s+(?:agora|j[áa])\b"
    # tips and ways to handle one's own life: "any tips for public speaking?", "how do I get
    # him to cut down?", "how should I negotiate a higher allowance?"
    r"|\b(?:any\s+)?tips\s+(?:for|on|to)\b|^\W*any\s+tips\b"
    r"|\bhow\s+(?:do|can|could|should)\s+(?:i|we)\s+(?:get|make|convince|persuade)\s+(?:him|her"
    r"|them|my|our)\b"
    r"|\bhow\s+(?:do|can|could|should)\s+(?:i|we)\s+(?:negotiate|ask\s+(?:my|for\s+a)|cope"
    r"|deal\s+with\s+(?:my|stress|nerves)|calm|motivate|overcome|stop\s+being|get\s+over"
    r"|set\s+(?:limits|boundaries|rules))\b"
    # one's own quarrel taken to court, one's own medicine: "my landlord won't give back my
    # deposit, can I take him to small claims court?", "que medicamento posso tomar?"
    r"|\bcan\s+(?:i|we)\s+take\s+(?:him|her|them|my\s+\w+|our\s+\w+)\s+to\s+"
    r"(?:(?:small[\s-]+claims|the)\s+)?court\b"
    r"|\bwhat\s+(?:medication|medicine|pills?|drugs?)\s+(?:can|should)\s+(?:i|we)\s+take\b"
    r"|\b(?:que|qual|qu[ée])\s+(?:medicamento|rem[ée]dio)\b|\bquels?\s+m[ée]dicaments?\b"
    r"|\bкакое\s+лекарство\b|\best-ce\s+que\s+je\s+(?:devrais|dois)\b"
    r"|\b(?:des\s+)?conseils\s+pour\b|\bconsejos\s+para\b|\bdicas\s+(?:para|de)\b"
    r"|\b(?:dois-je|devrais-je|faut-il\s+que\s+je)\b|\b(?:debo|deber[íi]a)\s+(?:\w+r|\w+rlo|\w+rle)\b"
    r"|\b(?:devo|deveria)\s+(?:\w+r)\b|\bстоит\s+ли\s+мне\b|\bмне\s+(?:стоит|нужно|надо)\s+ли\b"
    # what to do as a parent, a victim: "... bullied by classmates, what should I do as a
    # parent?"
    r"|\bwhat\s+(?:should|shall|can)\s+(?:i|we)\s+do\s+as\s+(?:a\s+|his\s+|her\s+|their\s+)?"
    r"(?:parents?|mother|father|mum|mom|dad|teacher|victim|friend|family)\b"
    # one's own money back, one's own lawyer: "¿puedo recuperar mi dinero?", "preciso de um
    # advogado?"
    r"|\bcan\s+(?:i|we)\s+(?:ever\s+)?get\s+(?:my|our)\s+money\s+back\b"
    r"|\b(?:puedo|podemos)\s+recuperar\s+(?:mi|nuestro)\s+dinero\b"
    r"|\b(?:posso|podemos)\s+recuperar\s+(?:o\s+)?(?:meu|nosso)\s+dinheiro\b"
    r"|\b(?:puis-je|pouvons-nous)\s+r[ée]cup[ée]rer\s+(?:mon|notre)\s+argent\b"
    r"|\b(?:могу|можно)\s+ли\s+(?:я\s+)?вернуть\s+(?:свои\s+|мои\s+)?деньги\b"
    r"|\bdo\s+(?:i|we)\s+need\s+a\s+lawyer\b|\bpreciso\s+de\s+um\s+advogado\b"
    r"|\bnecesito\s+un\s+abogado\b|\bai-je\s+besoin\s+d['’]\s*un\s+avocat\b"
    r"|\bнужен\s+ли\s+(?:мне\s+)?адвокат\b",
    re.IGNORECASE,
)
# A degree, a course or a career to choose, whatever law it is in: "Should I do an LLM in
# cyber law or a forensics certification?", "quelles études faut-il faire ?"
_CAREER = re.compile(
    r"\bshould\s+(?:i|we)\s+(?:do|take|study|get|pursue|choose|enrol\w*|apply)\s+(?:for\s+)?"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:llm|master'?s?|degree|phd|certification"
    r"|certificate|course|diploma|mba|bootcamp|career|job)\b"
    r"|\bquelles?\s+[ée]tudes\b|\bqu[ée]\s+(?:estudios|carrera)\b|\bque\s+(?:curso|faculdade)\b"
    r"|\b(?:devenir|convertirme\s+en|tornar-me|стать)\s+(?:un\s+|une\s+|en\s+)?(?:expert|perito"
    r"|analyste|analista|эксперт\w*)",
    re.IGNORECASE,
)
# A question of the law, which advice does not make personal: "is it a crime?", "which
# article ...", "is that legal?".
_LAW_ASKED = re.compile(
    r"\b(?:crimes?|criminal\s+offen[cs]es?|offen[cs]es?|illegal|legal|lawful|unlawful|law"
    r"|articles?|conventions?|treaty|protocol|punishable|allowed|permitted|d[ée]lito|crime"
    r"|infra[çc][ãa]o|infraction|ill[ée]gal|преступлени\w*|незаконн\w*)\b",
    re.IGNORECASE,
)


def asks_personal_advice(text: str) -> bool:
    """Whether ``text`` asks what the asker should decide ("should I pay them?", "should I
    plead guilty?", "do I have a good case?") and nothing of the law: the treaties make
    conduct a crime, they do not advise a victim or an accused person. "Is this a crime, and
    should I go to the police?" asks the law."""
    if _CAREER.search(text):
        return True
    return bool(_ADVICE.search(text)) and not _LAW_ASKED.search(text)


# Contact details asked for, in the five languages: "what is the phone number of the German
# 24/7 point of contact?", "¿Cuál es el teléfono de la unidad ...?", "Qual é o e-mail do
# departamento jurídico da Google?". Not what an e-mail address is in law ("is an e-mail
# address personal data?"), nor how many ("el número de Partes").
_CONTACT_DETAILS = re.compile(
    r"\b(?:what(?:'s|\s+is|\s+are)|give\s+me|send\s+me|i\s+need|do\s+you\s+have|tell\s+me"
    r"|where\s+(?:can|do)\s+i\s+find)\s+(?:the|their|his|her|its)\s+(?:actual\s+|direct\s+"
    r"|official\s+|current\s+)?(?:(?:tele)?phone(?:\s+numbers?)?|mobile\s+numbers?"
    r"|e-?mail(?:\s+address(?:es)?)?|contact\s+(?:details|numbers?)|hotline(?:\s+numbers?)?"
    r"|fax\s+numbers?|whatsapp\s+numbers?)\b"
    r"|\b(?:phone|telephone|mobile|fax|hotline|helpline)\s+numbers?\s+(?:of|for)\b"
    # "what's the number of the child helpline in Italy?", "the helpline's number"
    r"|\b(?:what(?:'s|\s+is)|give\s+me|i\s+need)\s+the\s+(?:phone\s+)?number\s+(?:of|for)\s+"
    r"(?:the|a|their|our)\s+(?:(?!(?:articles?|conventions?|protocols?|treat(?:y|ies)"
    r"|provisions?|paragraphs?)\b)[\w-]+\s+){0,3}?(?:helplines?|hotlines?|police|embassy|consulate"
    r"|office|unit|desk|centre|center|line)\b|\b(?:helpline|hotline)(?:'s)?\s+number\b"
    # "who is the 24/7 contact in Moldova and how do I reach him?"
    r"|\bhow\s+(?:do|can|could)\s+(?:i|we)\s+(?:reach|contact|call|e-?mail)\s+(?:him|her|them)\b"
    r"|\b(?:quel(?:le)?\s+est|donne[zr]?(?:-moi)?|avez-vous)\s+(?:le\s+|l['’]\s*|les\s+)?"
    r"(?:num[ée]ros?\s+de\s+t[ée]l[ée]phone|t[ée]l[ée]phone|adresse\s+(?:e-?mail|mail"
    r"|[ée]lectronique)|e-?mail|courriel|coordonn[ée]es)\b"
    r"|\b(?:cu[áa]l\s+es|dame|d[ée]me|tienes?)\s+(?:el\s+|la\s+|los\s+)?(?:n[úu]meros?\s+de"
    r"\s+tel[ée]fono|tel[ée]fonos?|correo(?:\s+electr[óo]nico)?|e-?mail|direcci[óo]n\s+de"
    r"\s+correo)\b"
    r"|\b(?:qual\s+[ée]|me\s+d[êe]|tem)\s+(?:o\s+|a\s+|os\s+)?(?:n[úu]meros?\s+de\s+telefone"
    r"|telefones?|e-?mail|endere[çc]o\s+de\s+e-?mail|contactos?|contatos?)\b"
    r"|номер\w*\s+телефон\w*|какой\s+(?:у\s+\S+\s+)?телефон|адрес\w*\s+электронной\s+почты"
    r"|дайте\s+(?:телефон|контакт\w*)",
    re.IGNORECASE,
)


def asks_for_contact_details(text: str) -> bool:
    """Whether ``text`` asks for a phone number, an e-mail address or contact details: of a
    contact point, an authority or a company, none of which the texts give."""
    return bool(_CONTACT_DETAILS.search(text))


# How a technique or a technology works, with no law asked: "what is credential stuffing and
# why does it still work?", "how does SIM swapping work?", "explain how Tor onion routing
# hides a user's IP address", "what's the difference between the deep web and the dark web?"
_MECHANICS = re.compile(
    r"^\W*(?:what\s+(?:is|are|was|were)|what's|whats)\s+(?:an?\s+|the\s+)?(?P<term>[^?,;]{2,50}?)"
    r"\s*,?\s+and\s+(?:how|why|who)\b"
    r"|^\W*how\s+(?:does|do|did)\s+(?:an?\s+|the\s+)?(?P<works>[^?,;]{2,40}?)\s+"
    r"(?:actually\s+|really\s+|even\s+)?work\b"
    r"|^\W*(?:explain|describe)\s+(?:to\s+me\s+)?how\s+(?:an?\s+|the\s+)?(?P<explained>[^?,;]{2,40}?)"
    r"\s+(?:works?|hides?|spreads?|operates?|encrypts?|steals?|makes?|gets?)\b"
    r"|\bwhat(?:'s|\s+is)\s+the\s+difference\s+between\s+(?:an?\s+|the\s+)?(?P<one>[^?,;]{2,40}?)"
    r"\s+and\s+(?:an?\s+|the\s+)?(?P<other>[^?,;]{2,40}?)\s*(?:[?.]|$)",
    re.IGNORECASE,
)


def mechanism_asked(text: str) -> list[str]:
    """The techniques or technologies ``text`` asks how they work, if it asks nothing of the
    law ("... and is it a crime?", "how does it work under the Convention?" ask the law);
    else []."""
    asked = _MECHANICS.search(text)
    if asked is None or _LAW_ASKED.search(text):
        return []
    return [term for term in asked.groups() if term]


def asks_general_knowledge(text: str) -> bool:
    """Whether ``text`` asks a general-knowledge fact about a place, or for a book, film or
    place to go to."""
    return bool(_GENERAL_KNOWLEDGE.search(text) or _RECOMMENDATION.search(text))


def asks_for_code(text: str) -> bool:
    """Whether ``text`` asks the bot to write code, or is code itself: a database statement
    typed or pasted as a message ("SELECT * FROM users WHERE 1=1", "'; DROP TABLE x; --")."""
    return bool(_CODE.search(text) or _STATEMENT.search(text))


# A database statement: a query (its "*" may be read as emphasis), a table dropped, rows inserted
# or deleted, a UNION SELECT ("which articles let me select data from a provider" is none)
_STATEMENT = re.compile(
    r"\bselect\s+(?:\*|[\w.]+(?:\s*,\s*[\w.]+)*)?\s*from\s+[\w.]+\s*(?:where\b|;|$)"
    r"|\bdrop\s+(?:table|database)\s+\w+|\binsert\s+into\s+\w+"
    r"|\bdelete\s+from\s+\w+|\bunion\s+(?:all\s+)?select\b",
    re.IGNORECASE,
)


# Forensic and investigative tools and techniques, by name.
_TOOL = re.compile(
    r"\b(?:ftk(?:\s+imager)?|encase|cellebrite|autopsy|wireshark|maltego|photodna|volatility"
    r"|x-ways|axiom|oxygen\s+forensics?|kali(?:\s+linux)?|metasploit|nmap|burp\s+suite|hashcat"
    r"|tor\s+browser|shodan|osint|write[\s-]+blockers?|(?:full|e-?mail|message|gmail)\s+headers?"
    r")(?!\w)|\.onion\b",
    re.IGNORECASE,
)
# Data or help from elsewhere: what the treaties' co-operation is for ("the suspect ran a
# .onion site: how do we get the data from the hosting provider abroad?").
_ACROSS_BORDERS = re.compile(r"\b(?:abroad|foreign|providers?|another\s+country)\b", re.I)
# How to do something, in the five languages.
_HOW = re.compile(
    r"\b(?:how\s+(?:do|can|could|should|would|to)|step\s+by\s+step"
    r"|(?:which|what)\s+(?:[\w-]+\s+)?(?:settings|software|tools?|version)|licen[cs]e|install"
    r"|configure|set\s+up"
    r"|tutorial|comment|c[óo]mo|como|как|r[ée]diger|hacer|fazer)\b",
    re.IGNORECASE,
)


def _of_the_law(text: str) -> bool:
    """Whether a how-to ``text`` says something of the law or of data from elsewhere."""
    return bool(_ABOUT_THE_LAW.search(text) or _ACROSS_BORDERS.search(text))


def asks_how_to_use_a_tool(text: str) -> bool:
    """Whether ``text`` asks how to use a forensic or investigative tool, and nothing of the
    law."""
    return bool(_TOOL.search(text) and _HOW.search(text)) and not _of_the_law(text)


# Technical products and systems by name: operating them is know-how, not law.
_SYSTEM = re.compile(
    r"\b(?:bitlocker|veracrypt|truecrypt|filevault|winpmem|lime|avml|adb|rsyslog|syslog|siem"
    r"|splunk|pagerduty|cisco|wireshark|tcpdump|whois|bgp|ripe|microsoft\s+365|office\s+365|m365"
    r"|audit\s+logs?|apache|nginx|exif|powershell|linux|android|iphone|ios|samsung|whatsapp"
    r"|telegram|ram|memory\s+(?:image|dump)|firewall|switch|router|server|headers?|cabe[çc]alhos?"
    r"|en-t[êe]tes?|заголовк\w*|образ\w*|cellebrite|ftk|encase|autopsy|volatility|x-ways"
    r"|magnet\s+axiom|ufed|graykey|hashcat|john\s+the\s+ripper|kali|metasploit|nmap|shodan"
    r"|icloud|google\s+drive|onedrive|dropbox|gmail|outlook|windows|macos|macbook|spyware"
    r"|antivirus|photorec|vpns?|honeypots?|tor|onion|hidden\s+services?|proxy|proxies|chrome|firefox|safari|browsers?|navegador|navigateur"
    r"|sd\s+cards?|cartes?\s+sd|tarjetas?\s+sd|cart[ãa]o\s+sd|imag(?:e|em)\s+(?:forense|disque)"
    r"|im[áa]gen(?:es)?\s+forense|crawlers?|screenshots?|capturas?\s+de\s+(?:pantalla|tela))\b",
    re.IGNORECASE,
)
# Doing a technical operation: "how do I unlock ...", "what's the command to capture ...",
# "which free tool can preserve ...", "comment faire une copie forensique ...".
_OPERATE = re.compile(
    r"\bhow\s+(?:do|can|could|should|would)\s+(?:i|we|you|one)\s+(?:\w+\s+)?(?:see|view|read|open"
    r"|access|look\s+at|set\s+up|configure"
    r"|install|unlock|decrypt|crack|image|clone|capture|dump|extract|recover|geolocate|trace"
    r"|forward|mirror|pull|copy|hash|parse|analy[sz]e|root|jailbreak|bypass|find\s+out|preserve"
    r"|keep|store|export|acquire|collect|check|scan|remove|detect|back\s+up|backup|reset|wipe"
    r"|update|secure)\b"
    r"|\bhow\s+to\s+(?:set\s+up|configure|install|unlock|decrypt|image|clone|capture|dump|extract"
    r"|recover|geolocate|trace)\b"
    r"|\bwhat(?:'s|\s+is)\s+the\s+(?:best\s+way|command|configuration|setting|script)\s+to\b"
    r"|\bwhat\s+(?:\w+\s+)?(?:configuration|command|setting|script)\b"
    r"|^\W*which\s+(?:free\s+|open[- ]source\s+|good\s+|best\s+)?(?:tools?|software|apps?"
    r"|programs?|commands?|scripts?)\s+(?:can|could|should|to|for|do|will)\b"
    r"|\bcomment\s+(?:faire|configurer|extraire|r[ée]cup[ée]rer|copier|d[ée]chiffrer)\b"
    r"|\bc[óo]mo\s+(?:configuro|conservo|extraigo|recupero|copio|rastreo|descifro|identifico"
    r"|obtengo|localizo|averiguo|encuentro|desbloqueo)\b"
    r"|\bcomo\s+(?:rastrear|extrair|recuperar|configurar|copiar|decifrar|fa[çc]o|posso|extraio"
    r"|recupero|identifico|obtenho|localizo|descubro|desbloqueio|ver|vejo|abrir|acessar|aceder)\b"
    r"|\bc[óo]mo\s+(?:veo|ver|abro|abrir|accedo|acceder)\b|\bcomment\s+(?:voir|ouvrir|acc[ée]der)\b"
    r"|\bкак\s+(?:посмотреть|открыть|просмотреть)\b"
    # "Steps to preserve a Facebook profile: screenshots, or a crawler tool?"
    r"|\bsteps\s+to\s+(?:preserve|capture|collect|image|extract|recover|archive|acquire)\b"
    r"|\bc[óo]mo\s+(?:hago|puedo)\b|\bcomment\s+(?:je\s+(?:fais|peux)|puis-je|savoir)\b"
    r"|\bкак\s+(?:снять|извлечь|восстановить|настроить|скопировать|расшифровать)\b"
    r"|\b(?:con\s+qu[ée]\s+herramienta|какой\s+программой|quel\s+outil|que\s+ferramenta)\b",
    re.IGNORECASE,
)
# What the law allows, asked beside the know-how: "is it lawful to image the phone without a
# warrant?".
_LEGALITY = re.compile(
    r"\b(?:legal|legally|lawful|lawfully|illegal|unlawful|allowed|permitted|permissible|article"
    r"|convention|treaty|protocol|court\s+order|warrant|jurisdiction|admissib\w*|abroad"
    r"|another\s+country|foreign)\b",
    re.IGNORECASE,
)


def asks_how_to_operate(text: str) -> bool:
    """Whether ``text`` asks how to do a technical operation ("how do I unlock a BitLocker
    drive with the recovery key?", "which free tool can preserve a whole Facebook page?"),
    and not whether the law allows it. Words like "evidence", "seized" and "preserve" are
    the investigator's, not a question of the law."""
    technical = _SYSTEM.search(text) or re.search(r"\b(?:tools?|software)\b", text, re.I)
    return bool(technical and _OPERATE.search(text)) and not _LEGALITY.search(text)


# A practical how-to: "how do I ...", "what is the best way to ...", "which tools ...", "is
# there a free decryptor ...", in the five languages.
_HOW_TO = re.compile(
    r"^\W*(?:how\s+(?:do|can|could|should|would)\s+(?:i|we|you|one)|how\s+to"
    r"|what(?:'s|\s+is)\s+the\s+(?:best|easiest|fastest|quickest)\s+way"
    r"|which\s+(?:[\w-]+\s+)?(?:tools?|software|apps?|programs?)"
    r"|where\s+can\s+(?:i|we)\s+(?:get|find|download)"
    r"|is\s+there\s+an?\s+(?:free\s+)?(?:tool|decryptor|way|app)"
    r"|comment|c[óo]mo|como|как)\b",
    re.IGNORECASE,
)


def asks_how_to(text: str) -> bool:
    """Whether ``text`` asks how to do something practical, and nothing of the law."""
    return bool(_HOW_TO.search(text)) and not _of_the_law(text)
