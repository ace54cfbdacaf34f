"""Focus that follows the page: a control scrolled out of sight lets go of the keys.

PgDn scrolls a page while the focused control stays focused; arrows and Enter then changed a
skill's level that was off screen. When the focused control leaves the view, the page itself
takes focus, so the keys scroll it and change nothing unseen.
"""

from __future__ import annotations

from textual.containers import ScrollableContainer


def follow_scrolling(page: ScrollableContainer) -> None:
    """Watch ``page``: when its focused descendant scrolls out of view, focus ``page``."""

    def scrolled(now: float) -> None:
        if now != page.scroll_target_y:
            return  # still on its way (focus moving down the page scrolls it too): wait
        focused = page.screen.focused
        if focused is None or focused is page or page not in focused.ancestors:
            return
        if not page.can_view_partial(focused):
            page.focus(scroll_visible=False)

    page.watch(page, "scroll_y", scrolled, init=False)
