"""Which postings a list shows: by status, tag, employer, deadline and archive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jobtrack.core.model import Posting, Status


@dataclass(frozen=True)
class PostingFilter:
    """Every condition given must hold; an empty filter keeps every posting not archived.

    `before` and `after` are about the deadline (a posting without one is left out
    when either is given); `before` is the first day not wanted, `after` the last."""

    statuses: frozenset[Status] = frozenset()
    tags: tuple[str, ...] = ()  # every one of them
    employer: str = ""  # a part of the employer's name, any case
    before: date | None = None
    after: date | None = None
    archived: bool = False  # archived postings too

    def __call__(self, p: Posting) -> bool:
        if p.archived and not self.archived:
            return False
        if self.statuses and p.status not in self.statuses:
            return False
        tags = {t.casefold() for t in p.tags}
        if any(t.casefold() not in tags for t in self.tags):
            return False
        if self.employer and self.employer.casefold() not in p.employer.casefold():
            return False
        if self.before is None and self.after is None:
            return True
        return p.deadline is not None and (self.before is None or p.deadline < self.before) and (
            self.after is None or p.deadline > self.after)
