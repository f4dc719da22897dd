"""Files of ours: atomic JSON files, locks between processes, platform paths, history."""
