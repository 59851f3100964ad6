"""Every tuned weight and threshold that decides what is answered, and in which order.

One typed configuration, grouped by stage of an answer: query analysis, lexical ranking
(BM25F), ranking of articles, dense fusion, answering (confidence and FAQ), scope (declining)
and FAQ matching. The values live in ``index/weights.yaml`` beside this module, fitted on the
labelled set by ``python -m bench.fit_weights``; each field here says what it does and which
way a larger value pushes. Limits (input sizes, caches, candidate counts, excerpt lengths)
are not weights and stay beside the code they bound.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from corpus.problems import Problem, ValidationError, compose_limited, node_value, yaml_problem

WEIGHTS_FILE = Path(__file__).with_name("weights.yaml")


@dataclass(frozen=True, slots=True)
class QueryWeights:
    """How a question becomes weighted terms and concepts (``index.query``)."""

    #: Search weight of a treaty word a thesaurus phrase adds; higher lets expansions rank more.
    expansion: float
    #: Concept weight of a thesaurus phrase, times the largest idf; higher: it dominates coverage.
    thesaurus: float
    #: Specificity a one-word thesaurus trigger needs to be evidence; higher trusts fewer triggers.
    sure_trigger: float
    #: Weight of a word the corpus never uses, times the largest idf; higher abstains more often.
    unknown_word_share: float
    #: Shortest word spelling correction touches; higher corrects fewer words.
    min_correctable: int
    #: Shortest word corrected at two edits rather than one; higher corrects fewer long words.
    min_for_two_edits: int
    #: Zipf frequency at which specificity reaches its floor; higher counts common words more.
    common_zipf: float
    #: Zipf range over which specificity falls from 1 to the floor; higher flattens the fall.
    zipf_span: float
    #: Least specificity of any word; higher lets everyday words weigh more.
    min_specificity: float


@dataclass(frozen=True, slots=True)
class LexicalWeights:
    """BM25F over passages (``index.search``, ``index.bm25``)."""

    #: BM25F boost of titles and headings (baked in at index build); higher favours titles.
    title_field: float
    #: BM25F boost of the body field; baked in at index build; higher favours body text.
    body_field: float
    #: BM25 length normalisation; higher penalises long passages more.
    bm25_b: float
    #: BM25 term-frequency saturation; higher lets repeated words count longer.
    bm25_k1: float
    #: Phrase bonus when a thesaurus phrase occurs in the passage, times its words' score.
    phrase_in_body: float
    #: Phrase bonus when the phrase occurs in the title or headings, times its words' score.
    phrase_in_title: float
    #: Share of an article's 2nd and 3rd best passages added to its score; higher: long articles.
    other_passages: float


@dataclass(frozen=True, slots=True)
class RankingWeights:
    """How BM25 candidates become ranked articles (``index.ranking``)."""

    #: Share of BM25 relevance an article keeps however little of the question it covers.
    uncovered: float
    #: Share of BM25 relevance that grows with coverage of the question; higher: coverage counts.
    coverage: float
    #: Bonus for saying the article's own title ("production order"); higher favours title matches.
    title_bonus: float
    #: Bonus for the article defining the term asked about; higher favours definitions.
    definition_bonus: float
    #: BM25 score of a defining article search missed, times the best; higher ranks it higher.
    definition_score: float
    #: Confidence factor when the only evidence is incidental words; higher answers more of them.
    weak_evidence: float
    #: Weight two matched words need together to be evidence, times the top idf; higher abstains.
    shared_evidence: float
    #: Share of a title or heading the question must say to be evidence; higher abstains more.
    title_share: float
    #: Factor of Budapest articles when no instrument is named or implied; higher favours Budapest.
    default_prior: float
    #: Factor of other instruments when the question names one; lower keeps to the named one.
    not_named: float
    #: Factor of the named instrument's protocols or parent; lower keeps to the named one.
    family_named: float
    #: Share of the question one family's own words must carry to imply it; higher implies less.
    implied_share: float
    #: Factor of other families when the question's words imply one; lower keeps to that family.
    not_implied: float
    #: Score of an article a matching guide line cites, relative to the guide; higher trusts guides.
    guide_share: float


@dataclass(frozen=True, slots=True)
class FusionWeights:
    """Lexical ranking fused with dense similarity (``index.hybrid``)."""

    #: Weight of dense closeness, times (lift - best lexical confidence); higher: meaning counts.
    closeness: float
    #: Lexical confidence up to which closeness counts; higher lets meaning reorder sure answers.
    lift: float
    #: ``lift`` for a question not in English, whose lexical ranking reads only its glossary
    #: terms; higher: meaning counts more.
    foreign_lift: float
    #: Passages this far below the best similarity add nothing; higher lets more passages gain.
    window: float
    #: What a candidate article gains when its exemplars' words match the question best
    #: (``index.asked``, relative to the best match); higher: the askers' words count more.
    asked: float
    #: What a candidate article gains times how likely the article probe (``index.probe``)
    #: finds it; higher: meaning learnt from all exemplars counts more.
    meant: float
    #: ... for a question in another language, which the probe reads better than its words.
    foreign_meant: float
    #: Best similarity a non-English question needs to be answered; higher abstains more.
    foreign_floor: float
    #: Best similarity from which an English question the words leave unsure is answered, when
    #: meaning and the fused ranking put the same article first; higher abstains more.
    english_floor: float
    #: Probability (``index.probe``) from which an English question the words leave unsure is
    #: answered; higher abstains more.
    answerable: float
    #: Probability (``index.probe``) below which a question not in English is declined, as the
    #: out-of-scope exemplar nearest it is, unless its treaty terms make search sure; higher
    #: declines more.
    unlikely: float
    #: ... the lexical confidence from which its treaty terms make search sure; higher
    #: declines more.
    unlikely_words: float
    #: Probability (``index.probe``) below which a how-to question nearest a how-to exemplar
    #: is declined, unless search is sure; higher declines more.
    practical: float
    #: ... the confidence from which search is sure; higher declines more.
    practical_words: float
    #: Confidence a non-English question gains per unit of similarity above the floor.
    foreign_slope: float
    #: Programme-document passages kept for a fact answer.
    facts: int
    #: Nearest programme passages re-ordered by the words they share; higher looks further.
    fact_pool: int
    #: Similarity a programme passage gains for saying all the question's words; higher: words win.
    fact_words: float
    #: ... once it is this much nearer than any article by meaning; higher answers fewer facts.
    fact_meaning: float
    #: What a word the treaties also say counts in a programme passage; higher: more fact answers.
    law_word: float
    #: A question word no passage says, times the rarest word's weight; higher: fewer facts.
    fact_unseen: float
    #: What a word said just before a programme part (its slide's or section's title) counts,
    #: times its weight; higher: the heading chooses the part more.
    fact_context: float
    #: What a word only the title of a programme passage's document says counts, times its
    #: weight (every passage of the document says it); higher: the document chooses more.
    fact_title: float
    #: What a word of another language weighs for the programme word it begins like, times
    #: that word's; higher: cognates choose the passage more.
    cognate: float
    #: The lift of an English question of at least ``long_words`` words; higher: meaning counts.
    long_lift: float
    #: ... and that many words; higher: fewer questions count as long.
    long_words: int
    #: How much nearer the question a later paragraph must be than the first to be the one
    #: shown; higher shows the first more often.
    later_paragraph: float
    #: What a paragraph gains for saying the question's words that not all the article's
    #: paragraphs say (times their share); higher: words choose the paragraph more.
    paragraph_words: float


@dataclass(frozen=True, slots=True)
class AnswerWeights:
    """Whether to answer, and with what (``index.ranking``, ``index.ask``)."""

    #: Confidence from which search answers; higher abstains more.
    confidence_threshold: float
    #: Least confidence when the article says a practitioner phrase asked; higher answers more.
    phrase_floor: float
    #: Confidence below which an answer is logged for organisers to review (answering unchanged).
    low_confidence: float
    #: Relative confidence from which other candidates are shown; higher shows fewer.
    related: float
    #: How much nearer than any article a programme passage must be to answer; higher: fewer facts.
    fact_lead: float
    #: ... to be shown beside the articles of a search answer (may be below zero); higher: fewer.
    fact_aside: float
    #: ... to answer a question the articles would not answer (may be below zero); higher: fewer.
    fact_unsure: float
    #: ... and the share of the question's words (weighed as ``index.hybrid`` weighs them) the
    #: passage must say then; higher: fewer facts.
    fact_said: float
    #: Share of the question's weighed words from which a passage as near as ``fact_aside``
    #: answers first, whatever the articles; higher: fewer facts.
    fact_stated: float
    #: For a question in another language, whose exemplars bring every article nearer: how
    #: much nearer than any article (below zero) a passage saying ``foreign_stated`` of it must
    #: be to answer first; higher: fewer facts.
    foreign_aside: float
    #: ... and that share of the question's weighed words; higher: fewer facts.
    foreign_stated: float
    #: How much nearer than any article (may be below zero) a passage must be, saying
    #: ``fact_said`` of the question, to answer a question that names the programme's slides,
    #: talk, report or flyer; higher: fewer facts.
    fact_cited: float
    #: Probability by the askers' probe (``index.probe``) below which an article answer is
    #: declined; higher declines more.
    unlike_answered: float
    #: ... unless search is at least this confident; higher declines more.
    unlike_sure: float
    #: ... or a programme passage says this share of the question's weighed words (or is
    #: ``fact_unsure`` nearer than any article); higher declines more.
    unlike_said: float
    #: ... even one shown beside the articles, if it says less than this share of them;
    #: higher declines more.
    unlike_aside: float
    #: Probability by the programme probe (``index.probe``) from which a question answered
    #: with articles is answered by the programme passage instead; lower answers more so.
    programme_asked: float
    #: ... if the passage is at least this near (``fact_lead``) and says at least
    #: ``programme_said`` of the question's weighed words.
    programme_lead: float
    programme_said: float
    #: the share of its words a programme passage ranked for an article answer must say to
    #: be shown under it, unless the question asks a fact or names the slides
    document_said: float
    #: FAQ score from which the FAQ answers without asking search; higher asks search more.
    faq_certain: float
    #: FAQ score a FAQ answer needs when search does not answer; higher answers fewer FAQ entries.
    faq_weak: float


@dataclass(frozen=True, slots=True)
class ScopeWeights:
    """Declining venue, help-desk and other-law questions by meaning (``index.scope``)."""

    #: Similarity to an out-of-scope exemplar from which a question is declined; higher: fewer.
    near: float
    #: ... when no corpus passage is within this much of it; higher declines fewer.
    margin: float
    #: ... unless the answerable probe (``index.probe``) finds the question at least this likely
    #: answered; lower declines fewer.
    unless_answerable: float


@dataclass(frozen=True, slots=True)
class FaqWeights:
    """Matching a question to an FAQ entry (``faq.matcher``)."""

    #: Score (0-100) from which the FAQ answers directly; higher answers fewer questions.
    confident: float
    #: Lead over the next-best entry a direct answer needs; higher answers fewer questions.
    margin: float
    #: Score from which near misses are offered as choices; higher offers fewer.
    near: float
    #: Rarity of a word no entry uses, times the largest; higher lowers scores of off-FAQ questions.
    unknown_weight: float
    #: Share of word overlap in the score, the rest rapidfuzz's; higher trusts words, not letters.
    overlap_weight: float
    #: rapidfuzz ratio from which an unknown word is a typo of a known one; higher forgives fewer.
    typo_similarity: float
    #: Shortest word whose typos are forgiven; higher forgives fewer.
    typo_min_length: int


@dataclass(frozen=True, slots=True)
class Weights:
    query: QueryWeights
    lexical: LexicalWeights
    ranking: RankingWeights
    fusion: FusionWeights
    answer: AnswerWeights
    scope: ScopeWeights
    faq: FaqWeights


_GROUPS: dict[str, type] = {
    group.__name__: group
    for group in (
        QueryWeights,
        LexicalWeights,
        RankingWeights,
        FusionWeights,
        AnswerWeights,
        ScopeWeights,
        FaqWeights,
    )
}


class WeightsError(ValidationError):
    """The weights file is malformed: one problem, naming the file and line."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__([Problem(str(path), line, message)])


def load_weights(path: Path = WEIGHTS_FILE) -> Weights:
    """The weights of ``path``: every group and field present, no other, numbers only;
    raises WeightsError naming the file and line of the first fault."""
    try:
        root = compose_limited(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise WeightsError(path, 1, f"cannot read ({error.strerror})") from None
    except yaml.YAMLError as error:
        found = yaml_problem(str(path), error)
        raise WeightsError(path, found.line, found.message) from None
    if root is None:
        raise WeightsError(path, 1, "empty; expected a mapping of stages")
    groups = {
        name: _group(_GROUPS[annotation], node, line, path)
        for name, annotation, node, line in _entries(Weights, root, 1, path)
    }
    return Weights(**groups)


def _group(kind: Any, node: yaml.Node, line: int, path: Path) -> Any:
    """One group (a dataclass of numbers) from its mapping node; named on ``line``."""
    values: dict[str, float | int] = {}
    for name, annotation, value, where in _entries(kind, node, line, path):
        parsed: Any = node_value(value) if isinstance(value, yaml.ScalarNode) else None
        if annotation == "int" and type(parsed) is not int:
            raise WeightsError(path, where, f"{name} must be a whole number")
        if annotation == "float" and type(parsed) not in (int, float):
            raise WeightsError(path, where, f"{name} must be a number")
        values[name] = float(parsed) if annotation == "float" else parsed
    return kind(**values)


def _entries(
    kind: Any, node: yaml.Node, line: int, path: Path
) -> list[tuple[str, str, yaml.Node, int]]:
    """(field, its annotation, its value node, the line of its key) for each field of the
    dataclass ``kind``, in order, from the mapping ``node`` named on ``line``; anything but
    a mapping with exactly those keys is an error."""
    if not isinstance(node, yaml.MappingNode):
        raise WeightsError(path, node.start_mark.line + 1, "expected a mapping")
    expected = {f.name: str(f.type) for f in fields(kind)}
    found: dict[str, tuple[yaml.Node, int]] = {}
    for key, value in node.value:
        where = key.start_mark.line + 1
        if key.value not in expected:
            known = ", ".join(expected)
            raise WeightsError(path, where, f"unknown key {key.value!r} (known: {known})")
        if key.value in found:
            raise WeightsError(path, where, f"{key.value} given twice")
        found[key.value] = (value, where)
    missing = [name for name in expected if name not in found]
    if missing:
        raise WeightsError(path, line, f"missing {', '.join(missing)}")
    return [(name, expected[name], *found[name]) for name in expected]


@cache
def default_weights() -> Weights:
    """The committed weights (``index/weights.yaml``), read once."""
    return load_weights()
