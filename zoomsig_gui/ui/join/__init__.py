"""Joining from the window: the Make tab's join button and result, and the join page with the
real Meeting SDK in QtWebEngine (loaded on the first click)."""
