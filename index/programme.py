"""Questions that name the programme's own material: "according to the Tokyo slides", "in the
2010 activity report", "as quoted in the presentation". What they ask is stated there, so a
passage of a programme document that states it answers first, before the articles that share
its words ("how many States had ratified the Budapest Convention according to the 2014
slides?" had quoted Art. 36 on signature, with the slide only beside it).
"""

from __future__ import annotations

import re

_MATERIAL = re.compile(
    r"\b(?:according\s+to|in|from|on|by|as\s+(?:quoted|stated|said|shown|listed)\s+in)\s+"
    r"(?:the|this|that|a|his|her|their)\s+"
    r"(?!explanatory\b)(?:[\w/@.-]+\s+){0,4}?"
    r"(?:presentation|slides?|slide\s+deck|talk|speech|keynote|activity\s+report|report|update"
    r"|workshop\s+note|note|programme\s+document)s?\b",
    re.IGNORECASE,
)


def cites_programme(text: str) -> bool:
    """Whether ``text`` says it asks what the programme's slides, talks or reports state."""
    return _MATERIAL.search(text) is not None
