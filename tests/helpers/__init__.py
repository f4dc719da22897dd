"""What several test modules share: stand-ins for servers on the internet (NTP, HTTP Date),
keyring backends for unit tests, the real components' set-up (Secret Service, node, the
Meeting SDK), token builders and window helpers. Test modules import from here, never from
each other (tests/core/test_layers.py checks it); everything else in tests is real."""
