"""Saved credentials: profile index, secrets in the OS keyring, hygiene, export/import."""
