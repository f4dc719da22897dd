"""The signature-endpoint check: ask a backend for signatures as the Web SDK page does."""
