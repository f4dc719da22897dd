"""Inspection: find the token in pasted text, decode it, apply the rules, read the claims."""
