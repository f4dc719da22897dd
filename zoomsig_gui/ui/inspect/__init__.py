"""The Inspect tab: paste anything and see what Zoom will object to."""
