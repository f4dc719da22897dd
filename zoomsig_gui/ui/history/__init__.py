"""The History tab: earlier setups, restored into the form with one click."""
