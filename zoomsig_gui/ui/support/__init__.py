"""Support tools on the Inspect tab: theirs vs ours, the fixed token, the case report."""
