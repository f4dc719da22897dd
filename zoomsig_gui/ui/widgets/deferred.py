"""Parts of a widget that are made on first need (after the first paint, or with the first
token) rather than in its constructor. Asking for one makes them all, so callers and tests
never see a half-made widget. ``WhenReady`` holds the calls that wait for such a moment."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast, overload

T = TypeVar("T")


class DeferredPart(Generic[T]):
    """``form: DeferredPart[MeetingForm] = DeferredPart()`` in a class whose ``build()`` sets
    ``self._form`` (and is safe to call again): reading ``obj.form`` calls ``obj.build()``
    first."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attr = "_" + name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> DeferredPart[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: Any, owner: type | None = None) -> DeferredPart[T] | T:
        if obj is None:
            return self  # the class attribute itself
        obj.build()
        return cast(T, getattr(obj, self._attr))


class WhenReady(Generic[T]):
    """Calls waiting for something (a tab built, the first paint): each runs once with it,
    in the order given, or at once if it is there already."""

    def __init__(self) -> None:
        self._calls: list[Callable[[T], object]] = []
        self._arrived = False
        self._value: T | None = None

    def add(self, call: Callable[[T], object], first: bool = False) -> None:
        """``call``'s result, if any, is not used."""
        if self._arrived:
            call(cast(T, self._value))
        elif first:
            self._calls.insert(0, call)
        else:
            self._calls.append(call)

    def arrive(self, value: T, on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run the waiting calls with ``value``. With ``on_error``, a call that raises is
        handed to it and the others still run; without, the error goes to the caller."""
        self._arrived, self._value = True, value
        calls, self._calls = self._calls, []
        for call in calls:
            if on_error is None:
                call(value)
                continue
            try:
                call(value)
            except Exception as exc:
                on_error(exc)
