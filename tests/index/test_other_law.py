"""A named country's own law is recognised; people, places and the treaties are not laws."""

from __future__ import annotations

import pytest

from index.other_law import other_law


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("How long does Indian law require operators to keep call records?", "Indian law"),
        (
            "maximum sentence for grooming under the UK Sexual Offences Act 2003",
            "UK Sexual Offences Act",
        ),
        ("How does the US CLOUD Act let providers disclose data stored abroad?", "US CLOUD Act"),
        (
            "Does the Philippine Cybercrime Prevention Act criminalise cybersex?",
            "Philippine Cybercrime Prevention Act",
        ),
        ("what does the german criminal code say about hacking", "german criminal code"),
        ("Under the Computer Misuse Act, is port scanning illegal?", "Computer Misuse Act"),
        ("the penal code of Brazil on online fraud", "penal code of Brazil"),
        ("connection logs under Brazil's Marco Civil da Internet", "under Brazil's Marco"),
        ("Is online libel a crime under Philippine law?", "Philippine law"),
        ("How does Europol's EC3 support ransomware investigations?", "Europol"),
        ("how do I ask for an Interpol red notice for a fugitive hacker", "red notice"),
        ("is revenge porn illegal in Brazil?", "illegal in Brazil?"),
        ("sous le droit kenyan quelle est la peine pour piratage", "droit kenyan"),
        ("segun el codigo penal mexicano cual es la pena", "codigo penal mexicano"),
        ("a pena no Código Penal brasileiro?", "Código Penal brasileiro"),
        # a country named in its own language, with its accents (walkthrough 16)
        (
            "¿Cuál es la pena por estafa en el código penal de México?",
            "código penal de México",
        ),
        ("que dit le code pénal de l'Allemagne sur le piratage ?", "code pénal de l'Allemagne"),
        ("qual é a pena no código penal do Brasil?", "código penal do Brasil"),
        ("¿Qué dice la ley de España sobre el acceso ilícito?", "ley de España"),
        # French adjectives without the usual endings
        (
            "Quelle est la peine prévue par le code pénal belge pour le piratage ?",
            "code pénal belge",
        ),
        ("que dit la loi suisse sur la protection des données ?", "loi suisse"),
        # a country opening the question, then its code or law
        (
            "En Belgique, le Code d'instruction criminelle permet-il une recherche à distance ?",
            "En Belgique, le Code",
        ),
        (
            "En Argentina, ¿qué artículos del Código Penal modificó la ley 26.388?",
            "En Argentina, ¿qué artículos del Código",
        ),
        ("¿qué pena establece la ley 21.459 para el ataque a un sistema?", "ley 21.459"),
        ("por quanto tempo a Lei n.º 109/2009 permite a preservação?", "Lei n.º 109/2009"),
        ("что говорит УК РФ о мошенничестве?", "УК РФ"),
        ("What does 18 U.S.C. 2703(f) say about preservation requests?", "18 U.S.C."),
        (
            "What penalty does Nigeria's Cybercrimes (Prohibition, Prevention, etc.) Act 2015 set?",
            "Nigeria's Cybercrimes (Prohibition, Prevention, etc.) Act",
        ),
        (
            "How does Meta's law enforcement online request system handle emergencies?",
            "law enforcement online request system",
        ),
        (
            "What did the European Court of Human Rights decide about bulk interception?",
            "European Court of Human Rights",
        ),
        (
            "¿Qué dijo el Tribunal de Justicia de la UE sobre la conservación?",
            "Tribunal de Justicia",
        ),
        ("the ruling in Digital Rights Ireland v. Minister", "Digital Rights Ireland v. Minister"),
        ("How long does Google keep IP logs for Gmail users?", "How long does Google keep"),
        ("what is Meta's data retention policy", "Meta's data retention policy"),
        ("la durée maximale de la garde à vue en France", "garde à vue"),
        ("What must US police say under the Miranda rule?", "Miranda rule"),
        ("how do I contact Telegram's abuse team", "Telegram's abuse team"),
        ("how quickly does Binance freeze an account", "how quickly does Binance"),
        (
            "Microsoft's emergency disclosure e-mail for the police",
            "Microsoft's emergency disclosure e-mail",
        ),
        ("K.U. v. Finland: what was the outcome?", "K.U. v. Finland"),
        ("o caso S. e Marper contra o Reino Unido", "S. e Marper contra o Reino"),
        ("la directive ePrivacy après l'arrêt de la CJUE", "ePrivacy"),
        (
            "el Protocolo Facultativo de la Convención sobre los Derechos del Niño",
            "Convención sobre los Derechos del Niño",
        ),
        ("access to Interpol's ICSE image database", "Interpol's ICSE image database"),
        ("the request lacks probable cause, they said", "probable cause"),
        (
            "In Georgia, under the criminal procedure code, who orders it?",
            "In Georgia, under the criminal procedure code",
        ),
        ("Na Lei do Cibercrime portuguesa (Lei 109/2009), quem ordena?", "Lei 109/2009"),
        ("is it legal in France to record a phone call?", "is it legal in France"),
        (
            "what is the penalty for hacking in the United States?",
            "penalty for hacking in the United States",
        ),
        (
            "penalty under the Philippines cybercrime prevention act 2012?",
            "Philippines cybercrime prevention act",
        ),
        (
            "In Canada, how long does a preservation demand under the Criminal Code stay valid?",
            "In Canada, how long does a preservation demand under the Criminal Code",
        ),
        ("Germany: under the StPO, can police install a trojan?", "Germany: under the StPO"),
        ("depuis la décision du Conseil d'État de 2021", "Conseil d'État"),
        ("O que o STF decidiu sobre o bloqueio do WhatsApp?", "STF"),
        ("¿qué conductas castiga la Ley Olimpia?", "Ley Olimpia"),
        ("по закону Яровой", "закону Яровой"),
        ("does the AI Act ban facial recognition?", "AI Act"),
        ("Что предусматривает Соглашение участников СНГ 2001 года?", "СНГ"),
        ("What does the CIS cybercrime agreement of 2001 provide?", "CIS"),
        ("What is the age of consent in Kenya?", "age of consent in Kenya"),
        (
            "What is the time limit to appeal a conviction in Kenya?",
            "time limit to appeal a conviction in Kenya",
        ),
        (
            "le règlement européen sur l'intelligence artificielle interdit-il",
            "règlement européen sur l'intelligence artificielle",
        ),
        ("¿Qué pena hay en Chile por el acceso ilícito?", "pena hay en Chile"),
        ("какое наказание за взлом в России?", "наказание за взлом в России"),
        (
            "in Brazil what is the sentence for child pornography?",
            "in Brazil what is the sentence",
        ),
    ],
)
def test_a_countrys_own_law_or_another_bodys_is_named(question: str, named: str) -> None:
    assert other_law(question) == named


@pytest.mark.parametrize(
    "question",
    [
        "Germany and Poland both want to try the same hacker. Who goes first?",
        "what does Art 15 say about the European Convention on Human Rights safeguards",
        "Art. 5 v. Art. 6",
        "can police order Google to keep the data of a suspect",
        "A Romanian hacker broke the law by stealing card numbers",
        "US law enforcement asked us for subscriber data",
        "a German national committed fraud in France, can France prosecute him?",
        "Can the US ask us to preserve data?",
        "let us know the law on preservation",
        "our national law does not criminalise the misuse of devices",
        "which criminal acts in Germany count as computer fraud",
        "Does the Budapest Convention require an Act of parliament?",
        "can an urgent request be sent through Interpol?",
        "he committed the crime in Brazil, can we prosecute him here?",
        "Which article covers hacking into a computer?",
        "le droit pénal doit-il incriminer l'accès illégal ?",
        "¿la ley debe tipificar el acceso ilícito?",
        "o direito interno deve criminalizar o acesso ilegal?",
        "droit international et entraide judiciaire",
        "лицо, нарушившее закон, может быть выдано?",
        "Convenio para la protección de los niños contra la explotación y el abuso sexual",
        "Article 2 v. Article 3 of the Budapest Convention",
        "the act 2 of the play",
        "in France the act of hacking is punished",
        "los derechos del niño en el proceso penal",
        "Google's address in Ireland is needed for the request under article 18",
        "Какое наказание предусмотрено в Будапештской конвенции за взлом?",
        "",
    ],
)
def test_people_places_and_treaties_are_not_a_countrys_law(question: str) -> None:
    assert other_law(question) is None
