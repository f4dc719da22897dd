"""Parts of a widget that are made on first need (after the first paint, or with the first
token) rather than in its constructor. Asking for one makes them all, so callers and tests
never see a half-made widget."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

T = TypeVar("T")


class BuiltPart(Generic[T]):
    """``form: BuiltPart[MeetingForm] = BuiltPart()`` in a class whose ``build()`` sets
    ``self._form`` (and is safe to call again): reading ``obj.form`` calls ``obj.build()``
    first."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attr = "_" + name

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value] - the class attribute itself
        obj.build()
        return getattr(obj, self._attr)
