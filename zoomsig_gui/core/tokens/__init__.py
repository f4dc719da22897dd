"""Tokens: what a signature is made for, its limits, meeting input, HS256 signing."""
