"""PySide6 widgets. Thin: every rule lives in zoomsig_gui.core."""
