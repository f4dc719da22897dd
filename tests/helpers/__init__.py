"""Stand-ins for servers on the internet (NTP, HTTP); everything else in tests is real."""
