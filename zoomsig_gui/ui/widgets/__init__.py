"""Reusable widgets: token, findings and decoded views, clock banner, theme, Qt helpers."""
