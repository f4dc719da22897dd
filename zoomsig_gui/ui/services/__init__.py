"""Window services: worker threads, the vault client, crash handler, settings, scrubbing."""
