"""Run every extractor over one `Document` and assemble an `Extraction`.

A pure function of its input: no storage, UI or network. Every part is
guarded, so odd input yields a partial result instead of an exception.
"""

from __future__ import annotations

import logging
from datetime import date, tzinfo
from typing import Any, Callable, TypeVar

from jobtrack.core.document import Document
from jobtrack.extract import contacts as contacts_mod
from jobtrack.extract import events as events_mod
from jobtrack.extract import facts as facts_mod
from jobtrack.extract import phones, salary, sentences, structured, title
from jobtrack.extract.employer import find_employer
from jobtrack.extract.result import Extraction, Fact
from jobtrack.extract.text import reflow, sanitize
from jobtrack.lang import dates as dates_mod
from jobtrack.lang import language

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_CHARS = 200_000


def _safe(fn: Callable[..., T], *args: Any, default: Any = None) -> T:
    try:
        return fn(*args)
    except Exception:  # one broken extractor must not lose the others
        log.exception("extractor %s failed", getattr(fn, "__name__", fn))
        return default


def _structured(doc: Document, tz: tzinfo | None) -> dict[str, Fact[Any]]:
    merged: dict[str, Fact[Any]] = {}
    for item in doc.structured or []:
        for k, v in structured.facts(item, tz).items():
            merged.setdefault(k, v)
    return merged


def extract(document: Document, as_of: date | None = None, tz: tzinfo | None = None) -> Extraction:
    """Read a posting: title, employer, dates, steps, salary and contacts.

    `tz`: the user's zone, into which moments written with an offset (JSON-LD) are moved.
    """
    result = Extraction()
    try:
        text = document.text if isinstance(document.text, str) else ""
    except Exception:
        text = ""
    text = reflow(contacts_mod.unglue_labels(sanitize(text[:MAX_CHARS])))
    sd = _safe(_structured, document, tz, default={}) or {}
    lang = _safe(language.detect, text, default="en") or "en"
    result.language = lang
    langs = (lang,)
    sents = _safe(sentences.split, text, default=[]) or []
    spans = _safe(dates_mod.find_dates, text, default=[]) or []
    base = dates_mod.base_day(as_of, *(sd[k].value if k in sd else None for k in ("posted", "deadline")))
    dfacts = _safe(dates_mod.resolve, spans, base, default=[]) or []
    times = _safe(dates_mod.find_times, text, default=[]) or []
    found = _safe(events_mod.find, text, sents, dfacts, times, langs, default=None) \
        or events_mod.Found(events=[])
    result.events = found.events or []
    # dates: JSON-LD first, but an explicit "Ansøgningsfrist: …" in the text wins
    deadline = sd.get("deadline")
    if found.deadline and (deadline is None or (found.deadline.confidence >= 0.8
                                                and not events_mod.agrees(found, deadline))):
        result.deadline, result.deadline_time = found.deadline, found.deadline_time
    elif deadline is not None:
        result.deadline = deadline
        result.deadline_time = sd.get("deadline_time") or (
            found.deadline_time if events_mod.agrees(found, deadline) else None)
    result.start_date = sd.get("start_date") or found.start_date
    result.posted = sd.get("posted") or found.posted
    employer, dept = _safe(find_employer, text, langs, document.site_names,
                           default=(None, None)) or (None, None)
    result.employer = sd.get("employer") or employer
    result.department = dept
    emp_name = result.employer.value if result.employer else None
    result.title = _safe(title.choose_title, sd.get("title"), text, langs, document.title_hint,
                         emp_name)
    result.salary = salary.choose(sd.get("salary"), _safe(salary.find_salary, text, sents, langs))
    result.hours = sd.get("hours") or _safe(facts_mod.find_hours, text, sents, langs)
    result.positions = sd.get("positions") or _safe(facts_mod.find_positions, text, sents, langs)
    result.location = sd.get("location") or _safe(facts_mod.find_location, text, sents, langs)
    exclude = [(s.start, s.end) for s in spans]
    found_phones = _safe(phones.find_phones, text, phones.guess_region(text, lang), exclude, default=[]) or []
    result.contacts = _safe(contacts_mod.find_contacts, text, sents, found_phones, default=[]) or []
    return result


__all__ = ["extract"]
