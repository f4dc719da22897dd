"""The embedded join view: the join page with the real Meeting SDK in QtWebEngine."""
