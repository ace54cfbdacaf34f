"""The one open workbook: a ``Session`` opens, locks, switches and closes it, and holds its key.

Screens are handed the session (through the app) instead of reaching for a store of their own,
so there is one answer to "is a workbook open?" and one place that closes it. Closing runs the
flushers first (the UI registers one that saves every screen's typing or keeps it as a draft),
then closes the store (releasing the profile lock) and drops the key. No Textual here.
"""

from __future__ import annotations

from collections.abc import Callable

from workbook.errors import WorkbookError
from workbook.models import ProfileCard
from workbook.storage import Codec, DataRoot, Repository

Flusher = Callable[[], None]


class WorkbookClosed(WorkbookError):
    """Something asked for the workbook after it was locked, hidden or closed."""

    def __init__(self) -> None:
        super().__init__("The workbook is closed. Open it again to carry on.")


class Session:
    """The workbook open now, if any, with its card and key."""

    def __init__(self, root: DataRoot) -> None:
        self.root = root
        self.card: ProfileCard | None = None
        self._repo: Repository | None = None
        self._codec: Codec | None = None
        self._flushers: list[Flusher] = []

    @property
    def is_open(self) -> bool:
        return self._repo is not None

    @property
    def repo(self) -> Repository | None:
        """The open workbook, or None."""
        return self._repo

    def require(self) -> Repository:
        """The open workbook; :class:`WorkbookClosed` if there is none."""
        if self._repo is None:
            raise WorkbookClosed()
        return self._repo

    def open(self, card: ProfileCard, codec: Codec | None = None) -> Repository:
        """Close what is open (saving its typing), then open ``card``'s workbook.

        Raises what ``DataRoot.open`` raises (in use, unreadable...); nothing is open then.
        """
        self.close()
        repo = self.root.open(card, codec=codec)
        self._repo, self.card, self._codec = repo, card, codec
        return repo

    def before_close(self, flush: Flusher) -> None:
        """Run ``flush`` each time the workbook is about to close (lock, hide, switch, quit)."""
        self._flushers.append(flush)

    def flush(self) -> None:
        """Ask every flusher to save what it holds now (drafts included)."""
        if self._repo is None:
            return
        for flush in self._flushers:
            flush()

    def close(self) -> ProfileCard | None:
        """Save typing, close the store, release the lock and drop the key; return whose it was."""
        card = self.card
        if self._repo is not None:
            try:
                self.flush()
            finally:
                repo, self._repo = self._repo, None
                repo.close()
                forget = getattr(self._codec, "forget", None)
                if callable(forget):
                    forget()
        self._codec = None
        self.card = None
        return card
