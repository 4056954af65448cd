"""The titles of one catalog, indexed for the pickers: plain Python, built in workers."""

from __future__ import annotations

from collections.abc import Collection, Iterable


class CatalogIndex:
    """The titles of one catalog, ready for pickers to filter and look up. No Qt.

    Build it wherever the titles arrive (a worker thread is fine: it is plain Python) and
    give the same index to every picker of that catalog with ``set_index``; it never
    changes after construction, so sharing it across pickers and threads is safe.
    Duplicated titles are dropped (the first stays); the order is kept.
    """

    __slots__ = ("_by_fold", "_folded", "_title_set", "_titles")

    def __init__(self, titles: Iterable[str] = ()) -> None:
        items = tuple(dict.fromkeys(titles))
        folded = tuple(title.casefold() for title in items)
        by_fold: dict[str, str | None] = {}
        for title, fold in zip(items, folded, strict=True):
            # None when two titles fold alike: no safe snap to either.
            by_fold[fold] = None if fold in by_fold else title
        self._titles = items
        self._folded = folded
        self._title_set = frozenset(items)
        self._by_fold = by_fold

    @property
    def titles(self) -> tuple[str, ...]:
        """The titles, in catalog order, each once."""
        return self._titles

    def __len__(self) -> int:
        return len(self._titles)

    def __contains__(self, title: object) -> bool:
        return title in self._title_set

    def __repr__(self) -> str:
        return f"CatalogIndex({len(self._titles)} titles)"

    def lookup(self, text: str) -> str | None:
        """The title ``text`` names: exact, else trimmed, else the one equal ignoring case.

        None when none does, or when several titles are equal ignoring case.
        """
        if text in self._title_set:
            return text
        stripped = text.strip()
        if stripped in self._title_set:
            return stripped
        return self._by_fold.get(stripped.casefold())

    def matching(self, text: str, excluded: Collection[str] = ()) -> list[str]:
        """The titles containing ``text`` ignoring case (all for ""), minus ``excluded``."""
        needle = text.casefold()
        if needle:
            return [
                title
                for title, folded in zip(self._titles, self._folded, strict=True)
                if needle in folded and title not in excluded
            ]
        if not excluded:
            return list(self._titles)
        return [title for title in self._titles if title not in excluded]


_NO_TITLES = CatalogIndex()


NO_TITLES = CatalogIndex()
