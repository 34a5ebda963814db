"""Dates that mean something: the deadline, the start, each interview round.

Within a sentence every cue ("Ansøgningsfrist", "tiltrædelse", "1.
samtale", "second interview") owns the dates after it up to the next cue;
dates before the first cue belong to it. A clock time in a cue's stretch
goes with its dates ("den 1. og 2. september fra kl. 15.00" is two
datetimes at 15:00).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, time
from functools import cache
from itertools import chain
from typing import TypeVar

from jobtrack.core.model import EventKind
from jobtrack.extract.result import ExtractedEvent, Fact
from jobtrack.extract.sentences import Span
from jobtrack.extract.text import clean
from jobtrack.lang import lexicon
from jobtrack.lang.dates import DateFact, TimeSpan

DEADLINE, DEADLINE_WEAK, START, INTERVIEW, POSTED = "deadline", "weak", "start", "interview", "posted"
SELECTION, DEADLINE_LABEL = "selection", "deadline_label"
MIDNIGHT = time(0, 0)
T = TypeVar("T")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
STEP_KINDS = {"test": EventKind.TEST, "case": EventKind.CASE, "references": EventKind.REFERENCES}


@dataclass(frozen=True)
class CueHit:
    kind: str
    start: int
    end: int
    label: str


@dataclass
class Found:
    deadline: Fact[date] | None = None
    deadline_time: Fact[time] | None = None
    start_date: Fact[date] | None = None
    posted: Fact[date] | None = None
    events: list[ExtractedEvent] | None = None
    deadline_year_guessed: bool = False


@cache
def _patterns(langs: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    def alt(path: str, stem: bool) -> str:
        return lexicon.alternation(lexicon.words(path, langs), stem=stem)

    ordinal = lexicon.alternation(lexicon.table("ordinals", langs))
    # a number ordinal stays on its noun's line and is no clock time: neither the "00."
    # of "17:00." nor the "12." of "kl. 12." ending a line opens "Samtaler" below
    nth = lexicon.alternation(lexicon.words("dates.day_suffix", langs))
    ordn = rf"(?:{ordinal}[\s-]+|(?<![\w.:])(?:\d{{1,2}}\.|\d{nth})[ \t-]+)"
    return {
        DEADLINE: re.compile(rf"(?<!\w){alt('cues.deadline', True)}", re.I),
        DEADLINE_WEAK: re.compile(rf"(?<!\w){alt('cues.deadline_weak', False)}(?!\w)", re.I),
        START: re.compile(rf"(?<!\w){alt('cues.start', True)}", re.I),
        POSTED: re.compile(rf"(?<!\w){alt('cues.posted', True)}", re.I),
        DEADLINE_LABEL: re.compile(rf"(?<!\w){alt('cues.deadline_label', False)}(?!\w)", re.I),
        SELECTION: re.compile(rf"(?<!\w){alt('cues.selection', False)}(?!\w)", re.I),
        "employment": re.compile(rf"(?<!\w){alt('cues.employment', True)}", re.I),
        "soon": re.compile(rf"[\s,]*(?:{alt('dates.conjunction', False)}\s+)?{alt('cues.start_soon', False)}"
                           rf"(?!\w)", re.I),
        INTERVIEW: re.compile(rf"(?<![\w.])(?:{ordn}(?:{alt('cues.interview_round', False)}[\s-]+)?)?"
                              rf"{alt('cues.interview', True)}", re.I),
        # "anden runde", "second round": a round is an interview only after its ordinal
        "round": re.compile(rf"(?<![\w.]){ordn}{alt('cues.interview_round', False)}(?!\w)", re.I),
        "application": re.compile(rf"(?<!\w){alt('cues.application', True)}", re.I),
        "test": re.compile(rf"(?<![\w.])(?:{ordn})?{alt('cues.test', True)}", re.I),
        "case": re.compile(rf"(?<!\w){alt('cues.case', False)}{alt('cues.case_endings', False)}?(?!\w)", re.I),
        "references": re.compile(rf"(?<!\w){alt('cues.references', False)}(?!\w)", re.I),
        "week": re.compile(rf"(?<!\w){alt('cues.week', False)}\s+(\d{{1,2}})(?!\d)", re.I),
        "week_of": re.compile(rf"(?<!\w){alt('cues.week_of', False)}[\s:,]*$", re.I),
    }


@cache
def _firsts(langs: tuple[str, ...], *paths: str) -> frozenset[str]:
    """Word starts where a cue pattern can begin (ordinals lead interview labels)."""
    items = [w for p in paths for w in lexicon.words(p, langs)]
    return lexicon.heads(items + list(lexicon.table("ordinals", langs)))


def _all_cues(text: str, pats: dict[str, re.Pattern[str]], langs: tuple[str, ...]) -> list[CueHit]:
    """Every cue in the text, earlier kinds winning overlaps, in text order."""
    hits: list[CueHit] = []
    taken: list[tuple[int, int]] = []
    begun: set[int] = set()  # an interview and a round found at one place are one cue
    for kind in (DEADLINE, DEADLINE_LABEL, INTERVIEW, START, POSTED, SELECTION, DEADLINE_WEAK):
        path = {DEADLINE_WEAK: "cues.deadline_weak"}.get(kind, f"cues.{kind}")
        found = lexicon.scan(pats[kind], text, _firsts(langs, path), digits=kind == INTERVIEW)
        if kind == INTERVIEW:
            found = chain(found, lexicon.scan(pats["round"], text, _firsts(langs), digits=True))
        for m in found:
            if any(a <= m.start() < b for a, b in taken) or m.start() in begun:
                continue
            if kind == DEADLINE_LABEL and re.search(r"\w", text[text.rfind("\n", 0, m.start()) + 1:m.start()]):
                continue  # "Expires 24-04-2019" labels a fact-box line; "the contract expires on …" does not
            hits.append(CueHit(DEADLINE if kind == DEADLINE_LABEL else kind, m.start(), m.end(), m.group()))
            begun.add(m.start())
        taken = [(h.start, h.end) for h in hits]
    hits.sort(key=lambda h: h.start)
    return hits


def _cues(text: str, sent: Span, hits: list[CueHit],
          pats: dict[str, re.Pattern[str]]) -> list[CueHit]:
    """The cues of one sentence, with weak and verb-like ones dropped."""
    kinds = {h.kind for h in hits}
    keep: list[CueHit] = []
    for h in hits:
        if h.kind == DEADLINE_WEAK and not _applying(text, h, hits, pats) \
                and (kinds & {START, INTERVIEW, POSTED, SELECTION}
                     or not pats["application"].search(text, sent.start, sent.end)):
            continue
        if h.kind == START and keep and keep[-1].kind in (INTERVIEW, DEADLINE) \
                and h.start - keep[-1].end < 15:
            continue  # "interviews start on 24 March": a verb of the interview cue
        if h.kind == INTERVIEW and keep and keep[-1].kind == SELECTION \
                and h.start - keep[-1].end < 40 and not re.search(r"\d", text[keep[-1].end:h.start]):
            continue  # "kandidater udvælges til samtale den 21.": the day of the selection
        keep.append(CueHit(h.kind, h.start, h.end, clean(h.label)))
    return keep


def _applying(text: str, weak: CueHit, hits: list[CueHit], pats: dict[str, re.Pattern[str]]) -> bool:
    """A weak cue right after a word about applying: "Søg … senest", "apply … by".

    The word may stand on an earlier line of the same sentence (PDF text is
    split at its line ends), but not in an earlier sentence.
    """
    lo = max(0, weak.start - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, weak.start)]
    lo = ends[-1] if ends else lo
    near = None
    for m in pats["application"].finditer(text, lo, weak.start):
        near = m
    return near is not None and not any(near.end() <= h.start < weak.start for h in hits)


def _nearest_time(times: list[TimeSpan], lo: int, hi: int, after: int) -> TimeSpan | None:
    inside = [t for t in times if lo <= t.start < hi]
    if not inside:
        return None
    later = [t for t in inside if t.start >= after]
    return later[0] if later else inside[-1]


def _period(text: str, d: DateFact) -> bool:
    """A range of three days or more ("uge 3 (18.-22. januar)", "11-15 January")."""
    return (d.span is not None and len(d.span.days) >= 3
            and re.search(r"\d\.?\s*[-–]\s*\d", text[d.start:d.end]) is not None)


@dataclass(frozen=True)
class _Cand:
    """A dated candidate for the deadline, the start or the posting date."""

    conf: float
    date: DateFact
    sent: Span
    time: TimeSpan | None = None


def _best(cands: list[_Cand]) -> _Cand | None:
    """The surest candidate; the earliest in the text on a tie."""
    return max(cands, key=lambda c: (c.conf, -c.date.start)) if cands else None


def _fit(day: date, d: DateFact, lo: date | None, hi: date | None) -> date:
    """A guessed year moved so that the day keeps the hiring order.

    Applying comes before the interviews, and both before the start: a
    yearless "20. oktober" beside "start 1. december 2025" is 2025 even when
    the date written nearest is the end of a contract in 2027. The day goes
    to the year that puts it closest after `lo` (or before `hi`), within a year.
    """
    def inside(x: date) -> bool:
        return (lo is None or x >= lo) and (hi is None or x <= hi)

    if not d.year_inferred or inside(day) or (lo is None and hi is None):
        return day
    weekday = d.span.weekday if d.span else None
    moved = []
    for y in range(day.year - 3, day.year + 4):
        try:
            x = day.replace(year=y)
        except ValueError:
            continue
        if inside(x) and (weekday is None or x.weekday() == weekday):
            moved.append(x)

    def gap(x: date) -> int:
        return (x - lo).days if lo is not None else (hi - x).days if hi is not None else 0

    near = [x for x in moved if gap(x) <= 366]
    return min(near, key=gap) if near else day


def _fact(text: str, value: T, sent: Span, conf: float) -> Fact[T]:
    return Fact(value, clean(text[sent.start:sent.end]), conf, sent.start, sent.end)


def _hour(text: str, dl: _Cand, deadlines: list[_Cand],
          dateless: list[tuple[TimeSpan, Span]]) -> Fact[time] | None:
    """The deadline's hour, from its own sentence or another mention of the same day.

    "Frist: 09-06-2008" in a fact box and "Ansøgningsfrist: mandag den 9. juni
    kl. 12.00" in the text agree; "Apply by midnight on the closing date" gives
    the hour of a day written elsewhere, a guess.
    """
    timed = next((c for c in [dl, *deadlines] if c.time and c.date.first == dl.date.first), None)
    if timed is not None and timed.time is not None:
        return _fact(text, timed.time.value, timed.sent, dl.conf)
    if dateless:
        t, sent = dateless[0]
        return _fact(text, t.value, sent, 0.6 * dl.conf)
    return None


def find(text: str, sentences: list[Span], dates: list[DateFact], times: list[TimeSpan],
         langs: tuple[str, ...]) -> Found:
    """The deadline, start date, posting date and hiring steps of a posting."""
    pats = _patterns(langs)
    found = Found(events=[])
    deadlines: list[_Cand] = []
    starts: list[_Cand] = []
    posted: list[_Cand] = []
    # "Apply by midnight on the closing date": an hour for a deadline dated elsewhere
    dateless_times: list[tuple[TimeSpan, Span]] = []
    events: list[tuple[ExtractedEvent, DateFact | None]] = []
    prev_cues: list[CueHit] = []
    prev_short = False
    all_cues = _all_cues(text, pats, langs)
    steps = sorted(((kind, m) for key, kind in STEP_KINDS.items()
                    for m in lexicon.scan(pats[key], text, _firsts(langs, f"cues.{key}"), digits=True)),
                   key=lambda km: km[1].start())
    step_starts = [m.start() for _, m in steps]
    cue_starts = [c.start for c in all_cues]
    date_starts = [d.start for d in dates]
    for sent in sentences:
        sdates = dates[bisect_left(date_starts, sent.start):bisect_left(date_starts, sent.end)]
        hits = all_cues[bisect_left(cue_starts, sent.start):bisect_left(cue_starts, sent.end)]
        cues = _cues(text, sent, hits, pats) if hits else []
        if sdates and not cues and prev_short and prev_cues:
            # a heading "Ansøgningsfrist" over a line with the date
            cues = [CueHit(prev_cues[-1].kind, sent.start, sent.start, prev_cues[-1].label)]
        prev_cues = cues
        prev_short = len(sent.text.split()) <= 5 and sent.text[-1:] not in ".!?"
        ev = sent.text
        # "et barselsvikariat fra 1. februar 2027 til 31. januar 2028": the job's period
        job = any(d.span is not None and d.span.ends_range for d in sdates[1:]) \
            and not any(c.kind in (INTERVIEW, DEADLINE, DEADLINE_WEAK, SELECTION) for c in cues) \
            and pats["employment"].search(text, sent.start, sent.end) is not None
        for i, d in enumerate(sdates):
            if pats["soon"].match(text, d.end):
                starts.append(_Cand(0.8 * (0.5 + d.confidence / 2), d, sent))
            if job and i and d.span is not None and d.span.ends_range:
                starts.append(_Cand(0.6 * (0.5 + sdates[i - 1].confidence / 2), sdates[i - 1], sent))
        owned: dict[int, list[DateFact]] = {i: [] for i in range(len(cues))}
        if cues:
            for d in sdates:
                prev = [i for i, c in enumerate(cues) if c.end <= d.start]
                owned[prev[-1] if prev else 0].append(d)
        for i, c in enumerate(cues):
            lo = c.start
            hi = cues[i + 1].start if i + 1 < len(cues) else sent.end
            if c.kind == INTERVIEW:
                # "the week commencing 25 January", "18.-22. januar" name a period, like "uge 3":
                # no interview day
                owned[i] = [d for d in owned[i] if not _period(text, d)
                            and not pats["week_of"].search(text, max(lo, d.start - 30), d.start)]
            if c.kind == DEADLINE_WEAK:
                # "by 5 May", "senest 5. maj": the day comes after the weak word ("reviewed from
                # 20 October until the post is filled" has no deadline)
                owned[i] = [d for d in owned[i] if d.start >= c.end]
            if c.kind == DEADLINE and not owned[i]:
                t = _nearest_time(times, c.start, min(hi, c.end + 40), c.end)
                if t is not None and t.value != MIDNIGHT:
                    dateless_times.append((t, sent))
            if (not owned[i] and c.kind != INTERVIEW) or c.kind == SELECTION:
                continue
            if c.kind in (DEADLINE, DEADLINE_WEAK):
                d = owned[i][0]
                t = _nearest_time(times, min(lo, d.start), hi, d.end)
                if t is not None and t.value == MIDNIGHT:
                    t = None  # "00:00" is a system's start of the day, not an hour someone chose
                base = 0.9 if c.kind == DEADLINE else 0.7
                deadlines.append(_Cand(base * (0.5 + d.confidence / 2), d, sent, t))
            elif c.kind == START:
                d = owned[i][0]
                starts.append(_Cand(0.85 * (0.5 + d.confidence / 2), d, sent))
            elif c.kind == POSTED:
                d = owned[i][0]
                posted.append(_Cand(0.8 * (0.5 + d.confidence / 2), d, sent))
            else:
                label = c.label
                if not owned[i]:
                    wk = pats["week"].search(text, c.end, hi)
                    if wk:
                        label = f"{label} ({clean(wk.group())})"
                    events.append((ExtractedEvent(EventKind.INTERVIEW, label, None, None, ev, 0.5,
                                                  sent.start, sent.end), None))
                for d in owned[i]:
                    t = _nearest_time(times, min(lo, d.start), hi, d.end)
                    for day in d.dates:
                        events.append((ExtractedEvent(EventKind.INTERVIEW, label, day,
                                                      t.value if t else None, ev,
                                                      0.85 * (0.5 + d.confidence / 2),
                                                      sent.start, sent.end), d))
        step_cues = not any(c.kind in (INTERVIEW, DEADLINE, START) for c in cues)
        for kind, m in steps[bisect_left(step_starts, sent.start):bisect_left(step_starts, sent.end)]:
            step_day = None
            if step_cues:
                near = [d for d in sdates if d.start >= m.end()]
                step_day = near[0].first if near else None
            events.append((ExtractedEvent(kind, clean(m.group()), step_day, None, ev, 0.6,
                                          sent.start, sent.end), None))
    dl = _best(deadlines)
    # the job starts after the deadline: "Virksomheden startede 1. januar 2010" is history
    st = _best([c for c in starts if dl is None or c.date.year_inferred or c.date.first >= dl.date.first])
    dl_day = dl.date.first if dl else None
    st_day = st.date.first if st else None
    if dl and st_day:
        dl_day = _fit(dl.date.first, dl.date, None, st_day)
    if st and dl_day:
        st_day = _fit(st.date.first, st.date, dl_day, None)
    if dl and dl_day:
        found.deadline = _fact(text, dl_day, dl.sent, dl.conf)
        found.deadline_year_guessed = dl.date.year_inferred
        found.deadline_time = _hour(text, dl, deadlines, dateless_times)
    if st and st_day:
        found.start_date = _fact(text, st_day, st.sent, st.conf)
    if p := _best(posted):
        found.posted = _fact(text, p.date.first, p.sent, p.conf)
    fitted = [replace(e, day=_fit(e.day, d, dl_day, st_day))
              if d is not None and e.day is not None and e.kind is EventKind.INTERVIEW else e
              for e, d in events]
    if st is not None and st_day is not None and st.conf >= 0.7:
        # "samtaler den 24. oktober med henblik på ansættelse 1. december": the start is no
        # interview day, and no interview comes after it
        fitted = [e for e in fitted if not (e.kind is EventKind.INTERVIEW and e.day is not None
                                            and e.day >= st_day)]
    found.events = dedupe(fitted)
    return found


def agrees(found: Found, structured: Fact[date]) -> bool:
    """The text's deadline is JSON-LD's day, or its day and month when the text gave no year."""
    if found.deadline is None:
        return False
    a, b = found.deadline.value, structured.value
    return a == b or (found.deadline_year_guessed and (a.month, a.day) == (b.month, b.day))


def dedupe(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """One event per dated interview; undated steps once per kind and label."""
    out: list[ExtractedEvent] = []
    dated: dict[tuple[EventKind, date], ExtractedEvent] = {}
    for e in events:
        if e.day is not None:
            key = (e.kind, e.day)
            if key in dated:
                old = dated[key]
                if old.time is None and e.time is not None:
                    out[out.index(old)] = e
                    dated[key] = e
                continue
            dated[key] = e
            out.append(e)
    has_dated_interview = any(e.kind is EventKind.INTERVIEW for e in dated.values())
    seen = set()
    for e in events:
        if e.day is not None:
            continue
        if e.kind is EventKind.INTERVIEW and has_dated_interview:
            continue
        undated = (e.kind, e.label.casefold())
        if undated in seen:
            continue
        seen.add(undated)
        out.append(e)
    return out
