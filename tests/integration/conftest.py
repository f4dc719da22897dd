"""Fixtures of the integration tests, found by pytest in every module here."""

from tests.helpers.endpoints import backend, node_packages, self_signed

__all__ = ["backend", "node_packages", "self_signed"]
