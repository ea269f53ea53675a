"""Questions in French, Spanish, German and Italian: which language, and an English reading.

The embedding model and the library are English, so a question in another language is read into
English before it is planned and searched, and the answer says it is answered in English. The
reading is a glossary, not a translator (``glossary.yaml``): the words people use when they ask
about a medicine (dose, kidneys, pregnancy, craving, trial, approved ...), question words,
phrases that do not translate word by word ("de golpe" -> "abruptly"), verbs in their inflected
forms, German compounds (Alkohol+abhängigkeit), and spelling rules for cognates (-ité -> -ity).
A few word-order rules then make it an English question: "Le baclofène est-il efficace ?" ->
"Is baclofen effective?", "Was hat die BACLAD-Studie gezeigt?" -> "What did the BACLAD study
show?". Names (ALPADIR, Baclocur, Addolorato) pass through; function words the reading cannot
place are dropped. ``tests/test_language.py`` and the eval's non-English questions measure it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

LANGS = ("fr", "es", "de", "it")


def fold(text: str) -> str:
    """Lowercase with accents stripped (curly apostrophes straightened)."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("ß", "ss")


# --------------------------------------------------------------------------- the glossary

_PATH = Path(__file__).with_name("glossary.yaml")
_DATA = yaml.load(_PATH.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # strings only
_EN = {k: v if isinstance(v, dict) else frozenset(v.split()) for k, v in _DATA["english"].items()}
_IRREGULAR = {base: forms.split() for base, forms in _EN["irregular"].items()}
_CLASSES = {k: frozenset(w.lower() for w in _EN[k]) for k in ("q", "art", "prep", "pron", "sub")}
_MODALS: frozenset[str] = _EN["modals"]
_BE_HAVE = frozenset(("is", "are", "am", "was", "were", "be", "been", "has", "have", "had"))
_AUX_WORDS = _MODALS | _BE_HAVE | {"do", "does", "did"}
_PUNCT, _TOKEN = "?.,;:!", re.compile(r"\w+'(?=\w)|\w+(?:-\w+)*'?|[?.,;:!]")


def _tokens(text: str) -> list[str]:
    """Words ("l'" and "alcool" apart, "BACLAD-Studie" whole) and punctuation."""
    return _TOKEN.findall(re.sub(r"[¿¡«»\"“”]", " ", text.replace("\u2019", "'")))


@dataclass(frozen=True)
class _Entry:
    en: str  # English; "" drops the word; "(of)"/"(ofa)" read "of"/"of a" after a noun only
    tag: str = ""  # a verb form: 1, 3, p (present), d (past, participle), g, i, c (conditional)


class _Lexicon:
    """One language's glossary: words (exact spelling first, then without accents), phrases
    (tuples of folded tokens), verb forms, German compound parts."""

    def __init__(self, lang: str, data: dict) -> None:
        self.lang, self.data, self.participles = lang, data, set()
        self.exact: dict[str, _Entry] = {}
        self.folded: dict[str, _Entry] = {}
        self.verbs: dict[str, _Entry] = {}
        self.phrases: dict[tuple[str, ...], _Entry] = {}
        split = {k: data.get(k, "").split() for k in ("drop", "particles", "markers", "subjects")}
        self.drop, self.markers = frozenset(map(fold, split["drop"])), frozenset(split["markers"])
        self.particles = tuple(sorted(split["particles"], key=len, reverse=True))
        self.enclitics, self.subjects = tuple(data.get("enclitics", "").split()), split["subjects"]
        self.cognates = [tuple(fold(c).split(">")) for c in data.get("cognates", "").split()]
        self.initial, self.heads, self.modifiers = (
            {fold(k): v for keys, v in data.get(s, {}).items() for k in keys.split("|")}
            for s in ("initial", "heads", "modifiers")
        )
        for keys, en in [*data.get("phrases", {}).items(), *data.get("words", {}).items()]:
            for key in keys.split("|"):
                self._add(key, _Entry(en))
        self.specs = {**data.get("verbs", {}), **data.get("irregular", {})}
        for section in ("verbs", "irregular"):
            for inf, spec in data.get(section, {}).items():
                self._verb(inf, spec, regular=section == "verbs")
        self.longest = max(len(k) for k in self.phrases)

    def _add(self, key: str, entry: _Entry, verb: bool = False) -> None:
        toks = _tokens(key.strip().lower())
        if len(toks) > 1:
            self.phrases.setdefault(tuple(map(fold, toks)), entry)
        elif toks:
            self.exact.setdefault(toks[0], entry)
            self.folded.setdefault(fold(toks[0]), entry)
            if verb:
                self.verbs.setdefault(toks[0], entry)
                self.verbs.setdefault(fold(toks[0]), entry)

    def _forms(self, inf: str, spec: str, regular: bool) -> list[tuple[str, str]]:
        """(form, tag) of a verb: the forms listed, then the regular endings."""
        forms = [tuple(f.rsplit(":", 1)) for f in spec.partition("|")[2].split()] + [(inf, "i")]
        if self.lang == "fr" and inf.endswith("re"):  # conditional: "réduirait"
            forms += [(inf[:-1] + "ait", "c"), (inf[:-1] + "aient", "c")]
        if regular and self.lang == "de":
            return forms + self._german(inf)  # type: ignore[operator]
        for ending, endings in self.data.get("endings", {}).items() if regular else ():
            if inf.endswith(ending):
                stem = inf[: -len(ending)]
                forms += [(stem + e, t) for e, t in (x.split(":") for x in endings.split())]
                break
        return forms  # type: ignore[return-value]

    def _german(self, inf: str) -> list[tuple[str, str]]:
        for p in self.particles:  # separable: "absetzen" -> "abgesetzt", "abzusetzen"
            rest = inf[len(p) :]
            if inf.startswith(p) and len(rest) >= 4:
                forms = self._forms(rest, self.specs.get(rest, ""), regular=True)
                return [(p + f, t) for f, t in forms] + [(p + "zu" + rest, "i")]
        stem = inf[:-2] if inf.endswith("en") else inf[:-1]
        e = "e" if stem.endswith(("t", "d")) else ""
        plain = inf.endswith("ieren") or inf.startswith(tuple(self.data["inseparable"].split()))
        past = (stem if plain else "ge" + stem) + e + "t"
        self.participles.add(fold(past))
        ends = [("e", "1"), (e + "st", "p"), (e + "t", "3"), (e + "te", "d"), (e + "ten", "d")]
        return [(stem + x, t) for x, t in ends] + [(inf, "p"), (past, "d")]

    def _verb(self, inf: str, spec: str, regular: bool) -> None:
        en, (head, _, tail) = spec.partition("|")[0].strip(), inf.partition(" ")
        if tail:  # "dejar de": the forms of "dejar", then "de"
            for form, tag in self._forms(head, self.specs.get(head, ""), regular):
                self._add(f"{form} {tail}", _Entry(en, tag))
        for form, tag in self._forms(inf, spec, regular) if not tail else ():
            self._add(form, _Entry(en, tag), verb=True)

    def word(self, low: str) -> _Entry | None:
        return self.exact.get(low) or self.folded.get(fold(low))


@lru_cache(maxsize=8)
def _lexicon(lang: str) -> _Lexicon:
    return _Lexicon(lang, _DATA[lang])


# --------------------------------------------------------------------------- which language


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """English words, also words elsewhere ("in", "die", "was", "dose"), count for no other."""
    words = set(_EN["common"] | _EN["markers"])
    for lex in map(_lexicon, LANGS):
        words.update(w for e in [*lex.exact.values(), *lex.phrases.values()] for w in e.en.split())
    return frozenset(map(fold, words)) - {"de", "la", "le", "di", "el", "da", "ha"}


def detect(text: str) -> str:
    """ "en", "fr", "es", "de" or "it" (English unless another language clearly wins)."""
    low, folded = text.casefold().replace("\u2019", "'"), fold(text)
    words = [w for tok in re.findall(r"[\w'-]+", low) for w in {tok, *tok.split("-")} if w]
    english = _english_words()
    scores = {"en": float(sum(fold(w) in _EN["markers"] for w in words))}
    for lex in map(_lexicon, LANGS):
        compound = lex.lang == "de" and any(len(w) > 8 and _compound(w, lex) for w in words)
        score = float(compound) + sum(
            1 if w in lex.exact or fold(w) in lex.markers else 0.5 if fold(w) in lex.folded else 0
            for w in words
            if fold(w) not in english
        )
        score += 0.5 * sum(low.count(c) for c in lex.data["accents"])
        scores[lex.lang] = score + 2 * len(re.findall(lex.data["telltale"], folded))
    best = max(scores, key=lambda k: scores[k])  # (an English question may name the Société ...)
    opens = (low.split() or [""])[0] in _EN["question_starts"] and scores["en"] >= 3
    return "en" if opens or scores[best] < 2.5 or scores[best] <= scores["en"] else best


# --------------------------------------------------------------------------- reading words


@dataclass
class _Tok:
    en: str  # English (a verb's base form until rendered)
    kind: str  # w, v, q, art, prep, pron, sub, adv, aux, name, p (punctuation)
    tag: str = ""  # verb form (see _Entry)
    cap: bool = False  # the source word was capitalised (German nouns, names)
    src: int = -1  # index of the source word
    inv: str = ""  # French inversion ("réduit-il"): the pronoun's English
    pp: bool = False  # the same spelling is a participle too ("verwendet")


def _kind(word: str) -> str:
    w = (word.split() or [""])[0].lower()
    kind = next((k for k, words in _CLASSES.items() if w in words), "")
    return kind or ("aux" if w in _AUX_WORDS else "adv" if w.endswith("ly") and len(w) > 4 else "w")


def _words(en: str, src: int, cap: bool = False) -> list[_Tok]:
    return [_Tok(w, _kind(w), cap=cap, src=src) for w in en.split()]


_INVERSION = re.compile(r"^(.+?)-(?:t-)?(il|elle|on|ils|elles|je|tu|nous|vous|ce)$")
_INV_EN = dict(il="it", elle="it", on="one", ils="they", elles="they", je="I", tu="you")
_INV_EN |= dict(vous="you", nous="we", ce="it")


def _compound(word: str, lex: _Lexicon, depth: int = 0) -> str | None:
    """German compounds: Alkoholabhängigkeit -> "alcohol dependence", BACLAD-Studie -> "BACLAD
    study", Alkoholentzugssyndrom -> "alcohol withdrawal syndrome"."""
    if "-" in word:
        left, _, right = word.rpartition("-")
        entry = lex.word(right.lower()) or _Entry("")
        head = lex.heads.get(fold(right)) or (entry.en if not entry.tag else "")
        mod = lex.modifiers.get(fold(left)) or _compound(left, lex, depth + 1) or left
        return f"{mod} {head}" if head else None
    low = fold(word)
    for head in sorted((h for h in lex.heads if low.endswith(h)), key=len, reverse=True):
        rest = low[: -len(head)]
        for mod in (rest, rest[:-1]) if rest.endswith(("s", "n")) else (rest,):
            entry = lex.folded.get(mod) or _Entry("")
            found = lex.modifiers.get(mod) or (entry.en if not entry.tag else "")
            if not found and depth < 1 and len(mod) > 3:
                found = _compound(mod, lex, depth + 1) or ""
            if found and len(mod) >= 3:
                return f"{found} {lex.heads[head]}"
    return None


def _read_word(words: list[str], i: int, lex: _Lexicon, out: list[_Tok]) -> list[_Tok]:
    """The English of a source word no phrase covered, by what stands next to it first: French
    "en" before a verb, the Spanish/Italian "se"/"si" (see _passives), "que" after a comparative,
    name particles ("de Beaurepaire"), the German genitive "der" and "während ich ..."."""
    word, lang = words[i], lex.lang  # (a closing quote, "di 'onfalocele'", is not an elision)
    word = word[:-1] if word.endswith("'") and lex.word(word.lower()) is None else word
    low = fold(word)
    nxt = lex.word(words[i + 1].lower()) if i + 1 < len(words) else None
    if lang == "fr" and low == "en" and nxt and nxt.tag:
        return _words("when", i) if nxt.tag == "g" else []
    if lang == "fr" and low in ("le", "la", "les", "l'") and nxt and nxt.tag == "i" and out:
        return [] if out[-1].kind == "v" else _words("the", i)  # "peut-on le prendre"
    if (lang, low) in (("es", "se"), ("it", "si")):
        return [_Tok("(se)", "w", src=i)] if nxt and nxt.tag else []
    name = bool(i + 1 < len(words) and words[i + 1][:1].isupper() and not nxt)
    after_noun = bool(out) and out[-1].kind in ("w", "name")
    if low in ("de", "di", "van", "von", "da") and name and not after_noun:
        return [_Tok(word, "name", src=i)]  # "de Beaurepaire"
    if low in ("que", "als", "che") and any(t.en in _EN["comparatives"] for t in out[-5:]):
        return _words("than", i)
    if lang == "de" and low == "der" and out and out[-1].cap and out[-1].kind == "w":
        return _words("of the", i)  # "die Behandlung der Alkoholabhängigkeit"
    if low == "wahrend" and fold(" ".join(words[i + 1 : i + 2])) in lex.subjects:
        return [_Tok("while", "sub", src=i)]  # "während ich Baclofen nehme"
    if low in lex.drop:
        return []
    if (not out or out[-1].kind == "p") and low in lex.initial:
        return _words(lex.initial[low], i)
    m = _INVERSION.match(word.lower()) if lang == "fr" and not lex.word(word.lower()) else None
    if m and (verb := lex.verbs.get(m.group(1)) or lex.verbs.get(fold(m.group(1)))):
        return [_Tok(verb.en, "v", verb.tag, src=i, inv=_INV_EN[m.group(2)])]
    entry = lex.word(word.lower())
    for clitic in lex.enclitics if entry is None else ():  # "tomarlo", "prenderlo"
        stem = word.lower()[: -len(clitic)] + ("e" if lang == "it" else "")
        if word.lower().endswith(clitic) and (e := lex.word(stem)) and e.tag == "i":
            if clitic in ("se", "si"):  # "eliminarse" -> "be eliminated"
                return [_Tok("be", "w", src=i), _Tok(e.en, "v", "d", src=i)]
            entry = e
            break
    cap = word[:1].isupper() and (lang == "de" or i > 0)
    if entry is not None and entry.tag:
        return [_Tok(entry.en, "v", entry.tag, src=i, pp=low in lex.participles)]
    if entry is not None:
        return [_Tok(entry.en, "w", src=i)] if "(" in entry.en else _words(entry.en, i, cap)
    if lang == "de" and (comp := _compound(word, lex)):
        return _words(comp, i, cap=True)
    if any(c.isdigit() for c in word) or word[:1].isupper():
        return [_Tok(word, "name", cap=True, src=i)]
    if len(low) <= 2:
        return []  # a function word the glossary cannot place
    cognate = [(s, d) for s, d in lex.cognates if low.endswith(s) and len(low) > len(s) + 2]
    src, dst = (cognate or [("", "")])[0]
    return _words(low[: len(low) - len(src)] + dst, i)


def _read(text: str, lang: str) -> list[_Tok]:
    lex, words = _lexicon(lang), _tokens(text)
    folded, out, i = [fold(w) for w in words], [], 0
    while i < len(words):
        if words[i] in _PUNCT:
            out.append(_Tok(words[i], "p", src=i))
            i += 1
            continue
        for n in range(min(lex.longest, len(words) - i), 1, -1):
            entry, last = lex.phrases.get(tuple(folded[i : i + n])), i + n - 1
            # a verb phrase ("deja de") yields to a phrase starting on its last word ("de golpe")
            overlap = any(tuple(folded[last : last + k]) in lex.phrases for k in (2, 3))
            if entry and entry.tag and overlap:
                continue
            if entry:
                out += [_Tok(entry.en, "v", entry.tag, src=i)] if entry.tag else _words(entry.en, i)
                i += n
                break
        else:
            out += _read_word(words, i, lex, out)
            i += 1
    return out


# --------------------------------------------------------------------------- word order


def _is_aux(v: _Tok, rest: list[_Tok]) -> bool:
    """be, modals, and "have" before a participle ("has shown"; "has side effects" is not)."""
    if v.kind != "v" or v.en not in _MODALS | {"be", "have", "do"}:
        return v.kind == "aux"
    return v.en != "have" or any(t.kind == "v" and t.tag == "d" for t in rest)


def _np_end(ts: list[_Tok], i: int, german: bool = False) -> int:
    """End (exclusive) of a noun phrase starting at ``i`` (``i`` when none starts there): an
    article or a name, words up to a preposition, verb or second article, "of" + a word."""
    if i >= len(ts) or ts[i].kind not in ("art", "name", "pron") and ts[i].en != "baclofen":
        return i
    if ts[i].kind == "pron":
        return i + 1
    j = first = i + (ts[i].kind == "art")
    while j < len(ts) and ts[j].kind in ("w", "name"):
        j += 1
        if german and ts[j - 1].cap:  # a German noun ends the phrase
            while j < len(ts) and ts[j].src == ts[j - 1].src:
                j += 1
            break
    while j > first and j + 1 < len(ts) and ts[j].en == "of":  # "the study of Addolorato of 2007"
        k = j + 1 + (ts[j + 1].kind == "art")
        if k >= len(ts) or ts[k].kind not in ("name", "w"):
            break
        j = k + 1
    return j if j > first else i


def _do(v: _Tok) -> _Tok:
    return _Tok({"3": "does", "d": "did", "c": "would"}.get(v.tag, "do"), "aux", src=v.src)


def _front(ts: list[_Tok], k: int, german: bool) -> list[_Tok]:
    """The subject next to the verb at ``k``, skipping up to two participles or adjectives
    ("¿Está aprobado el baclofeno?"); do-support for a lexical verb."""
    v = ts[k]
    for s in range(k + 1, k + 4):
        if (e := _np_end(ts, s, german)) == s:
            continue
        middle = ts[k + 1 : s]
        if any(t.kind not in ("w", "adv") and (t.kind, t.tag) != ("v", "d") for t in middle):
            return ts
        if _is_aux(v, ts[k + 1 :]):
            return ts[: k + 1] + ts[s:e] + middle + ts[e:]
        return ts if middle else ts[:k] + [_do(v)] + ts[s:e] + [replace(v, tag="i")] + ts[e:]
    return ts


def _german_verbs(ts: list[_Tok]) -> list[_Tok]:
    """Verb-final German: the infinitive or participle ending the clause (or the verb of a clause
    opened by "wenn/ob/dass") moves to just after the subject."""
    sub = bool(ts) and ts[0].en in _EN["sub"] | {"that"}
    f = 0 if sub else next((k for k, t in enumerate(ts[:4]) if t.kind == "v"), -1)
    start = len(ts)
    while f >= 0 and start - 1 > f and ts[start - 1].kind == "v" and len(ts) - start < 3:
        if not sub and ts[start - 1].tag not in "idp" and not ts[start - 1].pp:
            break
        start -= 1
    if f < 0 or start in (len(ts), f + 1):
        return ts
    cluster, body = ts[start:][::-1], ts[:start]
    if not sub:
        cluster = [replace(t, tag="d" if t.pp else "i" if t.tag == "p" else t.tag) for t in cluster]
    e = _np_end(body, f + 1, german=True)
    at = e if e > f + 1 and ts[0].en != "who" else f + 1
    return body[:at] + cluster + body[at:]


def _inversion(ts: list[_Tok]) -> list[_Tok]:
    """French inversion: "le baclofène réduit-il ..." -> "does baclofen reduce ..."."""
    k = next((k for k, t in enumerate(ts) if t.inv), -1)
    if k < 0:
        return ts
    v, start = replace(ts[k], inv=""), int(ts[0].kind == "q")
    subject = ts[start:k] or [_Tok(ts[k].inv, "pron", src=v.src)]
    if ts[k].inv not in ("it", "they"):  # "quelle dose recommande-t-on": "on" is the subject
        start, subject = k, [_Tok(ts[k].inv, "pron", src=v.src)]
    if _is_aux(v, ts[k + 1 :]):
        return ts[:start] + [v] + subject + ts[k + 1 :]
    return ts[:start] + [_do(v)] + subject + [replace(v, tag="i")] + ts[k + 1 :]


def _question(ts: list[_Tok], german: bool, question: bool) -> list[_Tok]:
    """English question order: a wh-word or a verb first, then the subject."""
    finite = "13pdc" + "i" * german  # German plural = infinitive: "Was empfehlen die Leitlinien?"
    if ts and ts[0].kind == "q" and ts[0].en != "who":
        k = 1
        while k < min(len(ts), 4) and ts[k].kind in ("w", "q"):
            k += 1
        e = _np_end(ts, k, german)
        if k < e < len(ts) and ts[e].kind == "v" and ts[e].tag in finite:
            ts = ts[:k] + [ts[e]] + ts[k:e] + ts[e + 1 :]  # "why baclofen was" -> "why was"
        verbless = all(t.kind not in ("v", "aux") for t in ts)
        if ts[0].en == "what" and _np_end(ts, 1) > 1 and verbless:
            return ts[:1] + [_Tok("is", "aux")] + ts[1:]  # "qu'est-ce que le baclofène ?"
        nouns = [t for t in ts[1:k] if t.kind == "w" and t.en not in ("much", "many", "long")]
        if k < len(ts) and ts[k].kind == "v" and ts[k].tag in finite:
            plural_object = not nouns or nouns[-1].en.endswith("s") and ts[k].tag == "3"
            if plural_object or _is_aux(ts[k], ts[k + 1 :]) and ts[k].en != "have":
                return _front(ts, k, german)
        return ts
    if not (ts and question):
        return ts
    if ts[0].kind == "v" and ts[0].tag in finite:
        return _front(ts, 0, german)
    e = _np_end(ts, 0, german)
    if 0 < e < len(ts) and ts[e].kind == "aux" and ts[e].en in ("is", "are"):
        return [ts[e]] + ts[:e] + ts[e + 1 :]  # "baclofen is addictive?" -> "is baclofen ..."
    if 0 < e < len(ts) and ts[e].kind == "v" and ts[e].tag in "3pc":
        if _is_aux(v := ts[e], ts[e + 1 :]):
            return [v] + ts[:e] + ts[e + 1 :]
        return [_do(v)] + ts[:e] + [replace(v, tag="i")] + ts[e + 1 :]
    return ts


def _perfect(ts: list[_Tok]) -> list[_Tok]:
    """The spoken past of French, German, Italian: "has ... shown" -> "did ... show", "has shown"
    -> "showed", "is been approved" -> "was approved"."""
    for k, t in enumerate(ts):
        if t.en not in ("be", "have", "has") or t.kind not in ("v", "aux") or t.tag not in "3p1":
            continue
        j = next((j for j in range(k + 1, min(len(ts), k + 10)) if ts[j].kind == "v"), -1)
        if j < 0 or ts[j].tag != "d" or t.en == "be" and ts[j].en != "be":
            continue
        if ts[j].en == "be":  # "è stato approvato", "a été approuvé"
            past = replace(t, en="be", tag="P" if t.tag == "p" else "d")  # "were", "was"
            return _perfect(ts[:k] + [past] + ts[k + 1 : j] + ts[j + 1 :])
        if j == k + 1 or ts[0].en == "who":
            return ts[:k] + ts[k + 1 :]
        did = _Tok("did", "aux", src=t.src)
        return ts[:k] + [did] + ts[k + 1 : j] + [replace(ts[j], tag="i")] + ts[j + 1 :]
    return ts


def _tidy(ts: list[_Tok], romance: bool) -> list[_Tok]:
    """Adjectives before the noun (fr/es/it "dosi più alte" -> "higher doses"), adverbs after
    the object ("stop abruptly baclofen"), "first" before its verb, names before "study", "by"
    after a participle, "to"/"-ing" after a preposition, "I" for a first-person verb."""
    out, post = list(ts), _EN["postnominal"]
    for k in range(len(out) - 1):
        a, b, j = out[k], out[k + 1], k
        while j and out[j - 1].src == a.src:  # the noun's first word ("side effects")
            j -= 1
        if romance and a.kind == "w" and a.en not in post | _EN["predicates"] and b.en in post:
            if j == 0 or out[j - 1].kind in ("art", "prep", "v"):
                out = out[:j] + [b] + out[j : k + 1] + out[k + 2 :]
        elif a.kind == "v" and b.kind == "adv" and (e := _np_end(out, k + 2)) > k + 2:
            out = out[: k + 1] + out[k + 2 : e] + [b] + out[e:]
        elif a.kind == "v" and a.tag == "d" and b.en in ("first", "from"):
            out[k : k + 2] = [b, a] if b.en == "first" else [a, _Tok("by", "prep", src=b.src)]
        elif a.en in ("study", "trial", "studies", "receptors", "receptor") and b.kind == "name":
            out[k], out[k + 1] = b, a
    for k, t in enumerate(out):
        if (t.kind == "v" and t.tag == "i" or t.en == "be") and k and out[k - 1].kind == "prep":
            if out[k - 1].en in ("for", "of", "in", "to"):
                out[k - 1] = _Tok("to", "prep", src=out[k - 1].src)
            else:
                out[k] = replace(t, tag="g")
        if t.tag == "1" and "I" not in {x.en for x in out[max(0, k - 1) : k + 2]}:
            # "Puedo ...?" -> "can I"; "Prendo il litio." -> "I take" (a lexical verb first)
            first_aux = k == 0 and (t.kind == "aux" or t.en in _AUX_WORDS)
            pos = k + 1 if first_aux or (k and out[k - 1].kind == "q") else k
            return _tidy(out[:pos] + [_Tok("I", "pron", src=t.src)] + out[pos:], False)
    return out


def _inflect(base: str, form: str) -> str:
    """An English verb form: i (infinitive), p, 1, 3, past, pp (participle), g (-ing)."""
    head, _, tail = base.partition(" ")
    special = {
        ("be", "3"): "is", ("be", "p"): "are", ("be", "1"): "am", ("be", "past"): "was",
        ("be", "pp"): "been", ("be", "P"): "were", ("have", "3"): "has", ("do", "3"): "does", ("go", "3"): "goes",
    }  # fmt: skip
    word = special.get((head, form), head)
    if head in _MODALS:
        word = "could" if form == "past" and head == "can" else head
    elif (head, form) in special or form in ("i", "p", "1"):
        pass
    elif form == "3":
        word = re.sub(r"([^aeiou])y$", r"\1ie", head)
        word += "es" if re.search(r"(?:s|x|z|ch|sh)$", head) else "s"
    elif form in ("past", "pp") and head in _IRREGULAR:
        forms = _IRREGULAR[head]
        word = forms[0] if form == "past" or len(forms) == 1 else forms[1]
    else:
        stem = head + head[-1] if head in _EN["double"] else head
        if form == "g":
            word = re.sub(r"(?<=[^e])e$", "", stem) + "ing"
        else:
            word = re.sub(r"([^aeiou])y$", r"\1i", stem)
            word += "d" if word.endswith("e") else "ed"
    return f"{word} {tail}".strip()


def _render(ts: list[_Tok], german: bool = False) -> str:
    out: list[str] = []
    for k, t in enumerate(ts):
        last = next((w.split()[-1].lower() for w in reversed(out) if w.strip()), "")
        if t.en in ("(of)", "(ofa)"):
            noun = k and ts[k - 1].kind in ("w", "name") and "(" not in ts[k - 1].en
            out.append(("of " if noun else "") + ("a" if t.en == "(ofa)" else ""))
        elif t.kind != "v":
            out.append(t.en)
        elif t.tag == "c":
            out.append(("" if last == "would" else "would ") + _inflect(t.en, "i"))
        elif last in _MODALS or last in ("to", "do", "does", "did"):
            out.append(_inflect(t.en, "i"))
        elif t.tag == "i" and last in _EN["ing_after"] | {"stopping", "stops"}:
            out.append(_inflect(t.en, "g"))
        elif t.tag == "d":
            recent = {w.lower() for x in out[-3:] for w in x.split()}
            participle = recent & _BE_HAVE and "did" not in recent
            out.append(_inflect(t.en, "pp" if participle else "past"))
        else:
            out.append(_inflect(t.en, t.tag if t.tag in "13giP" else "p"))
    text = " ".join(w for w in out if w)
    text = re.sub(r"\bthe (?=(?:" + "|".join(sorted(_EN["generic"])) + r")\b)", "", text)
    text = re.sub(r"\b(?:a|an|the|of|to) (?=[?.,;:!]|$)|(?<=\bof )the (?=\d)", "", text)
    text = re.sub(r"\ba (?=[aeiou])", "an ", text)
    text = re.sub(r"\bthe ((?:\w+ ){1,3})the most (\w+)", r"the most \2 \1", text)  # superlative
    text = re.sub(r"\s+(?=[?.,;:!])", "", text)
    if german:  # ("..., wenn ...": a German comma before a subordinate clause, not a pause)
        text = re.sub(r",\s*(?=(?:if|while|whether|because|that|when)\b)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _separable(ts: list[_Tok], words: list[str]) -> list[_Tok]:
    """German separable verbs: "setzt man Baclofen ab" reads as "absetzen"."""
    lex = _lexicon("de")
    for end in [t.src for t in ts if t.kind == "p"] + [len(words)]:
        particle = words[end - 1].lower() if end > 0 else ""
        for j in range(len(ts) - 1, -1, -1) if particle in lex.particles else ():
            if ts[j].kind == "p" and ts[j].src < end - 1:
                break
            entry = lex.word(particle + words[ts[j].src].lower()) if ts[j].src < end - 1 else None
            if entry and entry.tag:
                ts[j] = _Tok(entry.en, "v", entry.tag, src=ts[j].src)
                ts = [t for t in ts if t.src != end - 1]
                break
    return ts


def _passives(ts: list[_Tok], german: bool) -> list[_Tok]:
    """Spanish "se", Italian "si" before a verb: "se puede tomar en" -> "can be taken in", "se
    usa para" -> "is used for", "si se deja el baclofeno" -> "if baclofen is stopped"; "one"
    when the verb has an object ("se puede tomar baclofeno" -> "one can take baclofen")."""
    for k in (k for k, t in enumerate(ts) if t.en == "(se)"):
        v, after = (ts[k + 1 : k + 2] or [_Tok("", "p")])[0], ts[k + 2 : k + 3]
        if v.kind != "v":
            return _passives(ts[:k] + ts[k + 1 :], german)
        if v.en in _MODALS and after and after[0].kind == "v" and after[0].tag == "i":
            if k + 3 >= len(ts) or ts[k + 3].kind in ("p", "prep"):
                be, verb = _Tok("be", "w", src=v.src), replace(after[0], tag="d")
                return _passives(ts[:k] + [v, be, verb] + ts[k + 3 :], german)
        elif v.tag in "3pd" and (not after or after[0].kind in ("p", "prep", "art")):
            e = _np_end(ts, k + 2, german)
            verb = [_Tok("be", "v", v.tag, src=v.src), replace(v, tag="d")]
            return _passives(ts[:k] + ts[k + 2 : e] + verb + ts[e:], german)
        one = [_Tok("one", "pron", src=v.src)] if v.tag in "3p" else []
        return _passives(ts[:k] + one + ts[k + 1 :], german)
    return ts


_PREDICATES = "|".join(_EN["predicates"])
_PREDICATE = re.compile(rf"^(is|are) (\w+) ((?:in|during|with|for|on) .+?) ({_PREDICATES})\?")


def to_english(text: str, lang: str) -> str:
    """An English reading of a question in ``lang`` (the text itself for English)."""
    if lang not in LANGS:
        return text
    german, toks = lang == "de", _read(text, lang)
    toks = _passives(_separable(toks, _tokens(text)) if german else toks, german)
    parts: list[_Tok] = []
    first, start = True, 0
    for end in [k + 1 for k, t in enumerate(toks) if t.kind == "p"] + [len(toks)]:
        clause, start = toks[start:end], end
        tail = clause[-1:] if clause and clause[-1].kind == "p" else []
        body = clause[: len(clause) - len(tail)]
        question = first and [t.en for t in tail] == ["?"]
        body = _german_verbs(body) if german else body
        body = _tidy(_perfect(_question(_inversion(body), german, question)), not german)
        parts += body + tail
        first = bool(tail) and tail[0].en in "?.!"
    english = _render(parts, german)
    if german:  # "is baclofen in liver cirrhosis safe?" -> "is baclofen safe in liver cirrhosis?"
        english = _PREDICATE.sub(r"\1 \2 \4 \3?", english)
    return english[:1].upper() + english[1:]


def read_question(text: str) -> tuple[str, str]:
    """(language, English reading) of a question."""
    return (lang := detect(text)), to_english(text, lang)
