"""Qt-free zone: nothing under zoomsig_gui.core may import PySide6 or shiboken6.

The CLI and the window both call into here, so every rule lives once.
"""
