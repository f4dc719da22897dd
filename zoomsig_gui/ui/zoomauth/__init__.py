"""The window's part of the Zoom sign-in: whose meeting, ZAK and OBF token fields."""
