"""Set a Qt enum property by the enum key's name, through Qt's property system.

Why: the first touch of PySide6's ``Qt`` namespace from Python builds all of its enum
classes at once (about 11 ms here), which is most of a bare window's start-up budget. The
widgets on the first screen set their few Qt enums by name instead; later screens may use
``Qt`` freely.

Other properties are set with their setters after construction (``label = QLabel()`` then
``label.setObjectName("x")``), never as constructor keywords (``QLabel(objectName="x")``):
a keyword goes through the same by-name property lookup and costs more per widget, and the
type stubs know only a class's own properties as keywords, not inherited ones like
``objectName``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum(obj: QObject, prop: str, key: str) -> None:
    """``obj.<prop> = Qt::<key>``; a misspelt property or key raises instead of doing nothing."""
    if not obj.setProperty(prop, key):
        raise ValueError(f"{type(obj).__name__} has no enum property {prop!r} with key {key!r}")
