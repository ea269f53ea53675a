"""Sentences of a user's document that report a view instead of making a claim (``assistant
check``): a view rejected in the same sentence or the next, a belief corrected, a question that
says what its writer believes, a claim quoted in a heading with the rating under it."""

from __future__ import annotations

import re

# Sentences that report what others say and reject it are not the document's claims.
REJECTED = re.compile(
    r"^(?:it is a myth that|contrary to (?:popular )?belief|critics (?:claim|say)|some (?:claim|say))"
    r"|\b(?:is|are) (?:a )?myths?\b|\bis (?:simply )?(?:false|wrong|untrue)\b"
    # a view the writer tells the reader not to hold or let pass ("Don't let anyone tell you
    # that ...", "never assume it is ...", "do not accept answers saying ...")
    r"|\b(?:do not|don't|never|must not|should not|shouldn't)\s+(?:let\s+(?:\w+\s+){1,3})?"
    r"(?:claim|say|tell|believe|assume|think|accept|write|suggest)\w*\b[^,;.]*?"
    r"\b(?:is|are|was|were|can|will|has|have|does|do|causes?|works?)\b"  # (not "say that to X")
    # the writer's earlier belief ("I had assumed that ..., so I had half-written ...")
    r"|\b(?:I|we) had (?:also |always |wrongly )?(?:assumed|thought|believed|presumed|supposed)\b"
    # a view reported, then denied after a semicolon ("counsel asserted that X; it does not")
    r"|\b(?:asserted|claimed|argued|alleged|contended|insisted|told (?:you|us|me|him|her|them))\b"
    r"[^;:]*[;:]\s*(?:it|this|that|they)\s+(?:(?:does|did|is|was|do|are|has)(?:\s+not|n[\u2019']t)\b"
    # ("A member of staff told you X; that was wrong, because ...")
    r"|(?:is|was|were) (?:simply )?(?:wrong|incorrect|mistaken|untrue|an error|a mistake)\b)",
    re.I,
)
# a sentence the next one rejects ("Some are told X. That is not true: ..."): not the claim X
REBUTTAL = re.compile(
    # after a log's label ("Answer given:") and a reply reported ("Explained that ...")
    r"^\W*(?:[A-Z][\w ]{0,24}:\s+)?(?:(?:explained|replied|answered|pointed out|clarified"
    r"|advised|told \w+)(?:\s+that)?\s+)?"
    r"(?:but |and )?(?:that|this|it)(?:(?:'s|\u2019s| is| was)\s+(?:simply |just |absolutely )?"
    r"(?:not true|untrue|false|wrong|incorrect|a myth|not the case|not right|not correct"
    r"|mistaken|a misconception|not the (?:\w+\s+)?position|backwards|the wrong way round"
    r"|nonsense|rubbish)"
    r"|\s+isn[\u2019']t\s+(?:true|right|correct|so|the case))\b(?!\s+(?:for|of|in|with)\b)"
    r"|^\W*(?:wrong|false|not true|untrue|not so)\b(?!\s+(?:for|of|in|with)\b)"
    # a fact-checker's rating under the claim it rates ("Rating: FALSE", "Verdict: misleading")
    r"|^\W*(?:rating|verdict|our (?:rating|verdict))\W*:\W*(?:mostly )?(?:false|wrong|untrue|misleading"
    r"|inaccurate|incorrect|not supported|unsupported|unproven|debunked)\b",
    re.I,
)
# a belief reported and corrected in the same sentence ("X had always understood Y to be ...,
# but Z pointed out that ..."): the claim is the correction
CORRECTED = re.compile(
    r"\b(?:said|says|thought|believed|understood|assumed|claimed|was told|were told|had heard)\b"
    r"[^;]*?,?\s+\bbut\s+(?:\S+\s+){1,4}?(?:pointed out|corrected|clarified|explained|noted"
    r"|replied|countered|confirmed|reminded (?:\S+\s+){1,2}?"
    # ("the entry says 12-15 h, but the sources put it at 3 to 7 hours")
    r"|(?:put|puts|give|gives|state|states|say|show|shows|list|lists|place|places)(?= \w))"
    r"\s*(?:that\s+)?",
    re.I,
)
# a heading quoting a claim, with the rating under it ("Claim 2: "..." \u00b7 Rating: FALSE")
RATED_HEADING = re.compile(
    r"^(?:[\w ]{0,20}:\s*)?[\"\u201c](?P<claim>[^\"\u201d]{12,}[.!])[\"\u201d]\s*(?:\u00b7\s*(?P<rating>.+))?$"
)

# a question that says what its writer believes ("I thought Baclocur was withdrawn in 2022?")
BELIEVED = re.compile(
    r"^(?:but |and |so |wait,? )?(?:i (?:thought|heard|read|was told)|isn.?t it true) (?:that )?",
    re.I,
)

# a view someone is said to hold, waved off by the next line ("My brother-in-law says you can just
# quit it." + "P: Please don't."): the view is reported, not the document's
REPORTED = re.compile(
    r"\b(?:my|our|his|her|their|a|some|one of my) (?:[\w-]+ ){0,2}?(?:friends?|brother|sister|mum|mom"
    r"|dad|father|mother|cousin|aunt|uncle|neighbou?r|colleague|mate|partner|wife|husband|[\w]+-in-law"
    r"|guy|bloke|people|folks) (?:says|said|told (?:me|us|him|her|them)|tells|reckons|swears|claims"
    r"|thinks|insists|insisted|believes|argues|maintains)\b|\b(?:people|someone|somebody|everyone) (?:says|said|told me|tells me|reckons)\b"
    r"|\bi (?:heard|read (?:online|somewhere))\b",
    re.I,
)
# ... or doubted by one of the next two ("Good question! Your cousin is only half right.")
DOUBTED = re.compile(
    r"\b(?:your|my|his|her|their|the) (?:[\w-]+ ){1,2}?(?:is|was|are|were)(?: only| partly)?"
    r" (?:half right|partly right|half correct|not (?:quite |entirely |completely |totally )?"
    r"(?:right|correct)|wrong|mistaken)\b",
    re.I,
)
WAVED_OFF = re.compile(
    r"^\W*(?:[A-Z][\w ]{0,24}:\s+)?(?:oh,?\s+|well,?\s+)?(?:please\s+)?(?:don[\u2019']t|do not"
    r"|no|nope|not so)\s*[.!,]",
    re.I,
)


# --------------------------------------------------------------------------- what a claim of a
# contraindication does not claim

# a list item that is a negation of its own ("not X,", "neither X nor Y;"): it rules X out
NEGATED_ITEM = re.compile(
    r"(?:^|(?<=[,;:.!?*\"\u201d\u2013\u2014]))\s*(?:(?:and|or|but)\s+)?(?:not|nor|neither|never)\s+"
    r"(?:even\s+)?[^,;:.\u2013\u2014]{1,40}?(?=\s*(?:[,;:.\u2013\u2014]|$))",
    re.I,
)

# "..., and epilepsy is a precaution because ...": a condition the claim calls a caution
ONLY_CAUTION = re.compile(
    r"(?:^|(?<=[,;:]))\s*(?:(?:and|but|while|whereas)\s+)?[^,;:]{1,40}?\b(?:is|are)\s+(?:only\s+"
    r"|just\s+|merely\s+|rather\s+)?(?:a\s+|an\s+)?(?:precaution|warning|caution)s?\b[^,;:.]*",
    re.I,
)

# the label a claim sets another source against ("stricter than the American label")
# "the label does not list / name / count X as a contraindication": a negation whatever the
# words between
NOT_LISTED = re.compile(
    r"\b(?:not|never|n't)\s+(?:\w+\s+)?(?:list|name|include|count|class|treat|regard|consider"
    r"|mention)\w*\s+(?:\S+\s+){0,6}?as\s+(?:an?\s+)?(?:\w+\s+)?contraindicat",
    re.I,
)
# a relative contraindication (a caution, weighed case by case) is no claim that the label
# rules the drug out
RELATIVE = re.compile(r"\brelative(?:ly)?\s+contraindicat", re.I)
SET_AGAINST = re.compile(
    r"\b(?:than|unlike|beyond|compared (?:with|to)|in contrast to)\s+(?:the\s+)?(?:\S+\s+){0,2}?"
    r"label\b",
    re.I,
)
