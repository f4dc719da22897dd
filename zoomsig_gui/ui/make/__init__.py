"""The "Make a token" tab: credentials, the meeting form, the live token and its findings."""
