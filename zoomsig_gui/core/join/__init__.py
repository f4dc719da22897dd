"""Joining for real: test links, the loopback join server, a local SDK folder, SDK errors."""
