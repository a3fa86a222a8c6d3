"""Stock screens: receiving by scan, moves and adjustments, cycle counts and their approval."""
