"""zoomsig: make, inspect and test Zoom Meeting SDK signatures."""

__version__ = "0.1.0"
