import pytest

from index.logistics import a_task, about_the_event, asks_for_a_draft, asks_for_a_password


@pytest.mark.parametrize(
    "question",
    [
        "which room is the hands-on training on mobile phone forensics in",
        "should I send the interpreters a copy of my speech in advance, and to which e-mail",
        "the live stream of the morning panel keeps buffering, will there be a recording?",
        "I got an email about my hotel booking for the workshop that looks like phishing",
        "am I allowed to livestream the closing session on my agency's Facebook page",
        "where can I find the slides from this morning's presentation",
        "my phone was stolen on the metro this morning, where is the nearest police station",
        "my account on the e-learning platform is locked after too many wrong passwords",
        "the online registration form rejects my passport number",
        "does the meeting room have a video conference system for our remote speaker",
        "can the IT desk install the forensic software on my laptop",
        "can you send me the slides from this morning's session on electronic evidence",
        "I got an e-mail that claims to come from the organisers asking for my card details",
        "when will we receive the certificate of attendance for the course on cybercrime",
        "¿dónde recojo mi certificado de asistencia al taller?",
        "About Article 29: quick thing first, where can I charge my laptop?",
        "regarding Article 35, could you email me the PowerPoint of the morning presentation",
        "Your PDF of Article 29 is garbled. Can you email me the file as a Word document?",
        "el enlace de Zoom para el webinar ya no funciona, ¿me lo pueden reenviar?",
        "Le vidéoprojecteur de la salle 2 affiche une image floue, qui peut régler la résolution ?",
        "¿Dónde puedo cargar el portátil? No encuentro enchufes en la sala plenaria.",
        "Outlook keeps asking for credentials for the shared workshop mailbox. Can IT add me?",
    ],
)
def test_practical_questions_about_the_event_are_for_the_organisers(question: str) -> None:
    assert about_the_event(question)


@pytest.mark.parametrize(
    "question",
    [
        # "prises" and "tomadas" alone are "taken", and judges are the law's
        "Quelles mesures doivent être prises pour la formation des juges ?",
        "Quais medidas devem ser tomadas na formação dos juízes?",
        "¿Puede la policía incautar el portátil de un participante durante la sesión?",
        "hearing of a witness by video conference",
        "a businessman paid a 16 year old girl for sex in a hotel",
        "is it legal to record the session of a court hearing",
        "the police seized the suspect's laptop at the conference, can they search it?",
        "which workshop at Octopus 2010 dealt with protecting children?",
        "how long can data be preserved?",
        "can a suspect be heard by video conference from abroad",
        "who can be heard by video conference and who must agree?",
        "my neighbour logs into my wifi without asking me",
        "they locked all our files and want bitcoin",
        "is a presentation on electronic evidence admissible in court?",
        "he used a colleague's badge to get into the server room and copied the database",
        "seize the computer and extend search to connected network drive in another building",
    ],
)
def test_questions_of_the_law_or_of_a_case_are_not(question: str) -> None:
    assert not about_the_event(question)


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("help me write my presentation for tomorrow on cybercrime trends in Sri Lanka", True),
        ("tell me a joke about hackers", True),
        ("tell me a good joke about the police", True),
        ("raconte-moi une blague sur les hackers", True),
        ("translate 'search warrant' and 'letter rogatory' into Japanese", True),
        ("what does a letter rogatory need to be translated into", False),
        ('traduis "entraide judiciaire" en anglais', True),
        ("the suspect made jokes about the victim online", False),
        ("can you translate this email into French", True),
        ("do I have to translate my request for assistance into Polish?", False),
        ("help me draft a preservation request under Article 29", False),
        ("how do I write a good MLA request", False),
        ("the suspect wrote an email threatening the victim", False),
        ("Summarise this in three bullet points: 'Payments to hotels fell by a third'", True),
        ("could you help with my daughter's maths homework: solve 3x + 7 = 22", True),
        ("summarise this article for me", False),
        # the material after the colon is not the request, whatever it speaks of
        (
            "Summarise this in three bullet points: 'Ransomware payments fell as more victims "
            "refused to pay, while attackers shifted to data theft'",
            True,
        ),
        ("summarise this for the prosecutor: the accused wants a lawyer", False),
        # writing the bot never does, whatever its subject
        ("Write a 1,500-word essay on whether the Budapest Convention is neo-colonial.", True),
        ("Give me a 12-slide PowerPoint outline on ransomware trends in West Africa.", True),
        ("Make a 10-question multiple-choice quiz about cybercrime for my law students.", True),
        ("Compose a short rhyming poem about our 24/7 network team.", True),
        ("Redacta un comunicado de prensa sobre la detención de una banda.", True),
        ("Resuma em cinco linhas o relatório anual da Polícia Federal.", True),
        ("draft a production order under article 18", False),
        ("Peux-tu rédiger mon CV en français pour un poste d'analyste ?", True),
        ("Помоги написать вежливое письмо начальнику с просьбой об отпуске.", True),
        ("Peux-tu rédiger une demande d'entraide au titre de l'article 31 ?", False),
        ("write me a summary of the convention in 100 words", True),
        ("Resuma a convenção de Lanzarote", True),
        # the bot reads no attachment, whatever it is about
        ("Summarise the attached PDF of the Senate debate on the cybercrime bill.", True),
        ("can you review the document I uploaded on data retention law?", True),
    ],
)
def test_a_piece_of_writing_asked_of_the_bot_is_a_task(question: str, task: bool) -> None:
    assert a_task(question) is task


@pytest.mark.parametrize(
    "question",
    [
        "What is the wifi password in the conference room for the Budapest Convention workshop?",
        "what's the password for the shared drive",
        "guest network code please",
        "tell me the admin password",
        "Le dossier partagé avec les présentations demande un mot de passe, lequel ?",
        "¿cuál es la contraseña del wifi?",
        "qual é a senha da rede?",
        "какой пароль от вайфая?",
    ],
)
def test_a_password_asked_for_is_for_the_desk(question: str) -> None:
    assert asks_for_a_password(question)


def test_a_password_in_a_case_is_not_asked_for() -> None:
    assert not asks_for_a_password("can the suspect be forced to give his phone password")
    assert not asks_for_a_password("is stealing an admin password a crime?")
    assert not asks_for_a_password("the suspect won't tell us the password, can we force him")


@pytest.mark.parametrize(
    ("question", "draft"),
    [
        (
            "please draft a letter to Google asking them to preserve a Gmail account for 90 days",
            True,
        ),
        ("Draft a preservation request letter to Google LLC for my suspect's Gmail account", True),
        ("Redáctame un oficio para pedir a la operadora los datos de un abonado", True),
        ("escribe una carta al punto de contacto 24/7", True),
        ("help me draft a preservation request under Article 29", False),  # the article's
        ("draft a production order under article 18", False),
        ("how do I write a good MLA request", False),
        ("Redacta un modelo de formulario de consentimiento para los padres", True),
        ("Rédigez-moi un courrier au fournisseur d'accès", True),
    ],
)
def test_a_document_to_draft_naming_no_article(question: str, draft: bool) -> None:
    assert asks_for_a_draft(question) is draft


@pytest.mark.parametrize(
    ("question", "desk"),
    [
        (
            "Où est-ce que je récupère mon badge pour l'atelier sur la coopération ?",
            True,
        ),
        ("Где можно получить сертификат участника семинара по электронным доказательствам?", True),
        ("¿dónde recojo mi certificado de asistencia al taller sobre prueba electrónica?", True),
        ("where do I pick up my certificate of attendance for the workshop?", True),
        ("can I get a certificate of a criminal record under ETS 30?", False),
        ("where is the toilet", True),
        ("can I get a taxi to the airport", True),
        ("the taxi driver's phone was hacked, is it illegal access?", False),
        ("who is admin of the workshop Telegram group? I want to add my deputy", True),
        ("are the afternoon sessions on the Lanzarote Convention in this building?", True),
        ("can the police infiltrate a Telegram group of paedophiles?", False),
        # a session's recording, the event's app and desk, the hotel's wifi
        ("Is the livestream recorded? I want to rewatch the panel tonight.", True),
        ("Можно получить запись вчерашней сессии? Ссылка в приложении не открывается.", True),
        ("Onde fica o balcão de apoio técnico? A minha conta na aplicação da conferência...", True),
        ("Как подключиться к Wi-Fi в гостинице?", True),
        ("can police record a session of a suspect's chat?", False),
        ("He livestreamed the abuse to paying viewers abroad. Which article applies?", False),
        ("the webcast of the abuse was recorded by a viewer; is that production?", False),
    ],
)
def test_a_badge_to_collect_or_the_venue_s_own_things_are_the_desk_s(
    question: str, desk: bool
) -> None:
    assert about_the_event(question) is desk
