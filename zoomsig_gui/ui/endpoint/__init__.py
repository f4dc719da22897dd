"""The "Check an endpoint" tab."""
