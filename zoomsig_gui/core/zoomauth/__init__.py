"""Zoom sign-in (OAuth 2.0 with PKCE, loopback redirect) and the ZAK / OBF tokens it gets."""
