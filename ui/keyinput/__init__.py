"""Key input handling: turns keyboard-wedge scanner bursts into Scans before widgets see them."""
