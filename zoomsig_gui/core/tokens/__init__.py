"""Tokens: what a signature is made for, its limits, meeting input, HS256 signing, and
making and inspecting a token in one step."""
