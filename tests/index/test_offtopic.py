"""Opinions, general knowledge, code and tool how-to are told apart by their form from
questions of the law that share their words."""

from __future__ import annotations

import pytest

from index.offtopic import (
    asks_for_code,
    asks_for_contact_details,
    asks_for_news,
    asks_general_knowledge,
    asks_how_to_operate,
    asks_how_to_use_a_tool,
    asks_of_the_world,
    asks_opinion,
    asks_personal_advice,
    asks_which_product,
    mechanism_asked,
)


@pytest.mark.parametrize(
    "question",
    [
        "do you think encryption backdoors for the police are a good idea?",
        "is the Budapest Convention outdated compared with the UN treaty? which would you pick?",
        "was it a mistake for Brazil to wait so long before joining?",
        "what is your personal opinion on the new UN cybercrime convention",
        "à ton avis, la convention de Budapest est-elle dépassée ?",
        "¿qué opinas del nuevo tratado de la ONU?",
        "você acha que a convenção de Budapeste ainda serve?",
        "как вы думаете, нужна ли новая конвенция?",
        "Predict for me: will India join the Budapest Convention within the next five years?",
        "what are the odds that Brazil ratifies the second protocol before 2030?",
        "how likely is it that the UN treaty replaces Budapest?",
        "peux-tu prédire si le Maroc adhérera à la convention ?",
        "¿Quién ganará las próximas elecciones en México?",
        "who will win the next election in Brazil?",
        "предскажи, присоединится ли Индия к конвенции",
        "is Alexander Seger a good speaker?",
        "was the minister a competent negotiator?",
    ],
)
def test_an_opinion_asked_of_the_bot(question: str) -> None:
    assert asks_opinion(question)


@pytest.mark.parametrize(
    "question",
    [
        "do you think Article 6 covers selling passwords?",
        "do you think it is a crime to share a meme of a politician",
        "do you think the police can ask the provider for subscriber data?",
        "in your view, which provision applies to a SIM swap?",
        "in your opinion, can a country refuse a preservation request for a political offence?",
        "what do you think: can the requested party refuse because of dual criminality?",
        "what is the purpose of the Budapest Convention",
        "what are the chances that the requested party refuses a preservation request?",
        "can a court predict the risk of reoffending before releasing a sex offender?",
        "would refusing the therapy course affect his chances of early release?",
        "is a prosecutor a competent authority for a preservation order?",
        "is the requested party a good place to send the request to?",
    ],
)
def test_a_question_of_the_law_asked_as_an_opinion_is_not(question: str) -> None:
    assert not asks_opinion(question)


@pytest.mark.parametrize(
    ("question", "general"),
    [
        ("What is the capital of Mauritius?", True),
        ("what's the population of Georgia", True),
        ("¿Cuál es la capital de Marruecos?", True),
        ("what is the capital requirement for a bank under Article 8", False),
        ("what is the scope of the Convention", False),
        ("recommend a good Netflix series about hackers", True),
        ("the suspect recommended a film to the child", False),
        ("Which historians have written the best books on the Holocaust?", True),
        ("quels sont les meilleurs livres sur la cybercriminalité ?", True),
        ("is the best evidence on the server or on the phone?", False),
        ("Convert 90 days into hours for me", True),
        ("how many hours are there in 90 days?", True),
        ("how many days must data be kept?", False),
    ],
)
def test_general_knowledge_about_a_place(question: str, general: bool) -> None:
    assert asks_general_knowledge(question) is general


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("write an SQL query that finds duplicate IP addresses in firewall logs", True),
        ("Article 32 allows it, so write me a python script that scrapes a public channel", True),
        ("give me a regex for IBAN numbers", True),
        ("write a request for preservation under article 29", False),
        ("Fix my SQL please: SELECT name, COUNT(*) FROM users GROUP BY 1", True),
        ("can you debug this python script", True),
        ("the suspect tried to fix the code of the banking app", False),
        ("what does the code of criminal procedure need to provide under Article 15", False),
        # code typed as a message
        ("SELECT * FROM users WHERE 1=1", True),
        ("SELECT  FROM users WHERE 1=1", True),  # the "*" read as emphasis
        ("'; DROP TABLE unanswered; --", True),
        ("which articles let me select data from a provider?", False),
        ("can police select evidence from a seized phone where the owner consents?", False),
        # in other languages; a mixed-script word is read in Latin letters ("bash-cкpипт")
        ("Напиши, пожалуйста, bash-скрипт для резервного копирования логов.", True),
        ("Écris-moi un script Python qui liste les fichiers", True),
        ("escribe un código para descargar tuits", True),
        ("Напиши, что говорит статья 29", False),
    ],
)
def test_code_asked_for(question: str, code: bool) -> None:
    assert asks_for_code(question) is code


@pytest.mark.parametrize(
    ("question", "howto"),
    [
        ("How do I image a hard drive with FTK Imager, step by step, which settings?", True),
        ("how do I read the full headers of a Gmail message to find the sender's IP?", True),
        ("Como faço para identificar o dono de um site .onion?", True),
        ("Comment rédiger un bon rapport OSINT sur un compte Telegram ?", True),
        ("which OSINT tools find a person's accounts from one username", True),
        ("can evidence extracted with Cellebrite be used as evidence under the convention?", False),
        ("the suspect ran a .onion shop: how do we get the data from the provider abroad?", False),
        ("the suspect used Tor browser to reach the forum", False),
    ],
)
def test_how_to_use_a_tool(question: str, howto: bool) -> None:
    assert asks_how_to_use_a_tool(question) is howto


@pytest.mark.parametrize(
    ("question", "news"),
    [
        ("what's the latest news about ransomware attacks this week?", True),
        ("quelles sont les dernières nouvelles sur la cybercriminalité ?", True),
        ("the suspect posted fake news about the minister", False),
        ("what is new in the second protocol", False),
        ("What's the latest on the ransomware attack on the British Library?", True),
    ],
)
def test_the_news_asked_for(question: str, news: bool) -> None:
    assert asks_for_news(question) is news


@pytest.mark.parametrize(
    ("question", "product"),
    [
        ("which password manager is better for a small NGO, Bitwarden or 1Password?", True),
        ("Under Article 1: is Starlink faster than fibre for a rural police station?", True),
        ("which VPN should I use to stay anonymous?", True),
        ("what's the best free antivirus for my laptop", True),
        ("can you recommend a lawyer in Lyon?", True),
        ("qual é a melhor VPN para ver a Netflix americana em Portugal?", True),
        ("quelle est la meilleure application pour chiffrer mes messages ?", True),
        ("какой лучший VPN для России?", True),
        # the law, even in a product's words
        ("is a VPN provider a service provider under Article 1?", False),
        ("which apps count as a computer system under the Convention?", False),
        ("is expedited preservation faster than a production order?", False),
        ("what is the best way to preserve data held by a provider abroad?", False),
        ("the suspect used WhatsApp and Signal to sell the images", False),
    ],
)
def test_a_product_compared_or_recommended(question: str, product: bool) -> None:
    assert asks_which_product(question) is product


@pytest.mark.parametrize(
    "question",
    [
        "Was Edward Snowden right to leak the NSA documents?",
        "Will Russia ever return to the Council of Europe?",
        "¿Crees que la inteligencia artificial sustituirá a los fiscales?",
        "Кто, по-вашему, победит на следующих выборах?",
    ],
)
def test_a_judgement_or_a_guess_about_people_is_an_opinion(question: str) -> None:
    assert asks_opinion(question)


@pytest.mark.parametrize(
    ("question", "advice"),
    [
        (
            "Hackers encrypted all the files at my clinic and want 2 BTC by Friday. Should I pay?",
            True,
        ),
        (
            "I've been charged over my old password. Should I plead guilty for a lighter sentence?",
            True,
        ),
        (
            "My account was emptied after a SIM swap. Should I call the bank or go to the police?",
            True,
        ),
        ("Do I have a good case to sue the hosting company that lost my data?", True),
        ("Mon fils est convoqué au commissariat. Dois-je prendre un avocat tout de suite ?", True),
        ("¿Debo contratar a la empresa de recuperación de fondos que me escribió?", True),
        ("My teenage son games eight hours a day. How do I get him to cut down?", True),
        ("Any tips for public speaking? I get really nervous before panels.", True),
        ("Give me tips to pass the prosecutor exam.", True),
        ("How should I negotiate a higher daily allowance with my ministry?", True),
        ("How do I get my provider to keep the logs, is that legal?", False),
        ("They'll post my photos unless I pay 500 euros tonight. what do I do right now??", True),
        ("Мне звонят «из банка» и просят перевести деньги. Что мне делать прямо сейчас?", True),
        ("I can't sleep anymore. Should I ask for a transfer to another unit?", True),
        ("What do I do if a provider refuses a preservation order?", False),
        ("my landlord won't give back my deposit, can I take him to small claims court?", True),
        ("my teenage son games eight hours a day, how do I set limits without a fight?", True),
        (
            "Je travaille sur des abus d'enfants et je dors mal ; que medicamento posso tomar ?",
            True,
        ),
        ("On m'a proposé un poste dans une banque. Est-ce que je devrais accepter ?", True),
        ("Can we take the provider to court under the Convention?", False),
        ("my wife reads my messages on my phone, should I divorce her?", True),
        ("Her photos leaked. How can I make the school expel the boy?", True),
        ("Should we request a preservation order first?", False),
        # the law asked too, or no decision of the asker's
        ("Someone hacked my email. Is this a crime, and should I go to the police?", False),
        ("who should we call at night for an urgent cyber case in another country", False),
        ("Should I file the preservation request under Article 29 or Article 16?", False),
        ("what can the police do if someone threatens to post my photos?", False),
    ],
)
def test_advice_on_the_askers_own_decision(question: str, advice: bool) -> None:
    assert asks_personal_advice(question) is advice


@pytest.mark.parametrize(
    ("question", "howto"),
    [
        (
            "How do I unlock a BitLocker drive with the recovery key from the suspect's account?",
            True,
        ),
        (
            "What's the command to capture RAM with WinPmem before we seize a running computer?",
            True,
        ),
        ("Which free tool can preserve a whole Facebook page and its comments as evidence?", True),
        ("How do I set up port mirroring on a Cisco switch to intercept the traffic?", True),
        ("Comment faire une copie forensique d'un disque chiffré avec VeraCrypt ?", True),
        ("Как снять образ памяти телефона на Android? Какой программой лучше?", True),
        ("How can I check whether there's spyware on my Android phone?", True),
        ("Como faço uma cópia de segurança automática do meu iPhone no iCloud?", True),
        ("Is it a crime to install spyware on my partner's Android phone?", False),
        # the law asked
        ("Is it lawful to image a seized phone without a warrant?", False),
        ("How do we preserve data held by a provider abroad?", False),
        ("how do I set up a Tor hidden service", True),
        ("can police access data stored on a Tor hidden service abroad?", False),
        ("How can the police intercept traffic data in real time under the Convention?", False),
        ("the suspect wiped the server before we could image it", False),
        ("Comment récupérer des fichiers supprimés d'une carte SD avec PhotoRec ?", True),
        ("¿Cómo identifico la dirección IP real detrás de una VPN?", True),
        ("Como extraio o histórico do navegador Chrome de uma imagem forense?", True),
        ("how to set up a honeypot to capture botnet traffic on our network", True),
        ("Steps to preserve a Facebook profile: screenshots, or a crawler tool?", True),
        ("Steps to preserve data under the Convention: which tool does a Party use?", False),
        ("Como ver o histórico do Chrome de um suspeito?", True),
        ("How can I see the Chrome history of a seized computer?", True),
        ("How can I see which article covers preservation?", False),
    ],
)
def test_a_technical_operation_asked_how(question: str, howto: bool) -> None:
    assert asks_how_to_operate(question) is howto


@pytest.mark.parametrize(
    "question",
    [
        "how many cybercrime cases were prosecuted in Europe in 2023?",
        "how many ransomware attacks were there in 2023?",
        "what percentage of cybercrime is reported to the police?",
        "who was behind the Colonial Pipeline hack?",
        "who founded Silk Road?",
        "what sentence did Ross Ulbricht get?",
        "was Gary McKinnon extradited to the US?",
        "is Julian Assange going to be extradited?",
        "what happened to the Mirai botnet authors?",
        "¿Cuántos casos de pornografía infantil hubo en España en 2023?",
        "Quantos hackers estão presos no Brasil?",
        "Сколько случаев мошенничества было в России в прошлом году?",
        "who wrote the Lanzarote convention?",
        "Кто написал Будапештскую конвенцию?",
        "who is the prosecutor in the Silk Road case?",
        "which is the biggest data breach ever?",
        "how many extradition requests did the UK receive last year?",
        "which hacker group attacked Ukraine's power grid in 2015?",
        "who designed the first botnet?",
        "¿Quién fue el hacker que atacó al Banco de Bangladesh?",
        "Quem foi responsável pelo ataque hacker ao Superior Tribunal de Justiça em 2020?",
        "Which country is the most dangerous for cybercrime?",
    ],
)
def test_the_worlds_events_and_figures_are_asked_of_the_world(question: str) -> None:
    assert asks_of_the_world(question)


@pytest.mark.parametrize(
    "question",
    [
        "the school bus company hired a driver who was already convicted for abusing kids",
        "Was the suspect extradited under the convention?",
        "how many victims can a joint investigation team hear by video link?",
        "how many days can data be preserved?",
        "who decides which country prosecutes first?",
        "how can we find out who is behind an account held by a company in our own country",
        "who invented the expedited disclosure of preserved traffic data - which article?",
        "¿Cuántos días debe conservarse los datos según el convenio?",
    ],
)
def test_questions_of_the_law_are_not_asked_of_the_world(question: str) -> None:
    assert not asks_of_the_world(question)


@pytest.mark.parametrize(
    ("question", "contact"),
    [
        ("What is the phone number of the German 24/7 point of contact?", True),
        ("What is the actual phone number of Nigeria's 24/7 contact point?", True),
        ("¿Cuál es el teléfono de la unidad de delitos telemáticos de la Guardia Civil?", True),
        ("Qual é o e-mail do departamento jurídico da Google em Portugal?", True),
        ("Quel est le numéro de téléphone du point de contact 24/7 ?", True),
        ("Какой номер телефона у контактного пункта 24/7?", True),
        ("who is the 24/7 contact in Moldova and how do I reach him?", True),
        ("how do I contact the 24/7 point of contact of another Party?", False),
        ("what is the 24/7 network?", False),
        ("is an e-mail address personal data?", False),
        ("¿Cuál es el número de Partes del Convenio?", False),
        ("can a preservation request be sent by e-mail?", False),
        ("What's the number of the child helpline in Italy?", True),
        ("what is the number of the article on helplines?", False),
    ],
)
def test_contact_details_asked_for(question: str, contact: bool) -> None:
    assert asks_for_contact_details(question) is contact


@pytest.mark.parametrize(
    ("question", "judged"),
    [
        ("is the budapest convention a good treaty", True),
        ("la convention de budapest est-elle efficace ?", True),
        ("¿Rusia firmará el convenio de Budapest?", True),
        ("will russia join the budapest convention", True),
        ("что вы думаете о Будапештской конвенции?", True),
        ("A Rússia vai aderir à Convenção de Budapeste?", True),
        ("Qual é a probabilidade de o Brasil ratificar o Protocolo este ano?", True),
        ("is the Budapest Convention better than the new UN cybercrime treaty?", True),
        ("Как вы оцениваете эффективность борьбы с киберпреступностью?", True),
        ("what are the chances that a request is refused?", False),
        ("¿Qué opina usted del Convenio de Budapest?", True),
        ("Qual é a sua opinião sobre a Convenção de Budapeste?", True),
        ("is Nigeria likely to accede soon?", True),
        ("should my country sign the Second Additional Protocol?", True),
        ("will my case against the hacker be successful in court?", True),
        ("the judge acquitted my suspect, can I win on appeal?", True),
        ("¿Ganaremos el caso en el tribunal?", True),
        ("how many years in prison will my suspect get?", True),
        ("can we win extradition of our own nationals?", False),
        ("is the requested Party likely to refuse a fiscal offence request?", False),
        # how the asker's own case will end
        ("He confessed everything. What sentence will he probably get from our court?", True),
        ("Can the parents win a civil case against the school?", True),
        ("How long do such cases usually take?", True),
        ("Will the Dubai police arrest him if we just ask?", True),
        ("Какой срок он получит, если заключит досудебное соглашение?", True),
        ("what sentence does Article 13 require for legal persons?", False),
        ("what penalty can a court impose under the convention?", False),
        ("are sanctions under the convention effective, proportionate and dissuasive?", False),
        ("will the requested party refuse if the offence is political?", False),
        ("is the convention applicable to ISPs?", False),
        # a State, a firm or a person judged; a trend foretold
        ("Is Russia a reliable partner for cybercrime cooperation?", True),
        ("Is Microsoft too powerful in shaping cybercrime policy?", True),
        ("Did Alexander Seger do a good job as head of the division?", True),
        ("Will ransomware attacks increase next year?", True),
        ("will the penalty increase if the victim is a child?", False),
        ("is the requested Party a partner under Article 27?", False),
        ("¿Es China un socio fiable para la cooperación?", True),
        ("O ransomware vai aumentar no próximo ano?", True),
        ("How long does a company like Google usually take to answer?", True),
        ("Combien de temps Apple met-il habituellement à répondre ?", True),
        ("how long does preservation usually take under article 29?", False),
    ],
)
def test_a_treaty_judged_or_a_state_s_next_step_foretold(question: str, judged: bool) -> None:
    assert asks_opinion(question) is judged


@pytest.mark.parametrize(
    ("question", "product"),
    [
        ("Which software should we buy, Cellebrite or Magnet AXIOM?", True),
        ("Which incident response company should we call?", True),
        ("Is there an AI tool that can review it faster?", True),
        ("is there a tool that can unlock an iPhone 15 for a child abuse case?", True),
        ("is there a tool in the convention that lets us get data from abroad?", False),
        ("which tools does the Budapest Convention give investigators?", False),
        ("which company must keep the data, the provider or the host?", False),
        ("which company can recover deleted whatsapp messages?", True),
    ],
)
def test_software_tools_and_firms_asked_for(question: str, product: bool) -> None:
    assert asks_which_product(question) is product


@pytest.mark.parametrize(
    ("question", "advice"),
    [
        ("The attackers want 2 bitcoin. Should the hospital pay?", True),
        ("A journalist wants to interview me. What should I say to the press?", True),
        ("Should the Party pay the costs?", False),
        ("Should the requesting State pay for the expert?", False),
        # a career, a parent's or a victim's own next step, a lawyer of one's own
        ("I'm a prosecutor. Should I do an LLM in cyber law or a forensics certification?", True),
        ("Je veux devenir expert judiciaire, quelles études faut-il faire ?", True),
        ("My son is bullied on Instagram, what should I do as a parent?", True),
        ("Me estafaron 2.000 euros, ¿puedo recuperar mi dinero?", True),
        ("Fui acusado de partilhar um vídeo no WhatsApp, preciso de um advogado?", True),
        ("does the accused have a right to a lawyer under Article 15?", False),
        ("can the victim get the money back through confiscation under the convention?", False),
    ],
)
def test_a_decision_in_the_asker_s_case_is_advice(question: str, advice: bool) -> None:
    assert asks_personal_advice(question) is advice


def test_a_trade_s_pay_is_general_knowledge() -> None:
    assert asks_general_knowledge("What salary is normal for a cyber analyst in a prosecution?")


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("what is credential stuffing and why does it still work?", ["credential stuffing"]),
        ("how does SIM swapping work?", ["SIM swapping"]),
        ("explain how Tor onion routing hides a user's IP address", ["Tor onion routing"]),
        (
            "what's the difference between the deep web and the dark web?",
            ["deep web", "dark web"],
        ),
        # the law asked: not how it works
        ("what is sextortion and is it a crime?", []),
        ("how does a production order work under the Convention?", []),
        ("what is credential stuffing?", []),  # a term alone is the unknown term's to judge
    ],
)
def test_how_a_technique_works(question: str, asked: list[str]) -> None:
    assert mechanism_asked(question) == asked
