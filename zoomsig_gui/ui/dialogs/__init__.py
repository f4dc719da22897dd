"""Dialogs: About, the crash report, adding or editing a profile."""
