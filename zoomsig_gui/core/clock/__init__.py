"""Clock: NTP and HTTP Date readings, their verdict, and the one corrected "true now"."""
