"""The core: the model, the clock and time zones, countdowns, checked values
and sanitising. Pure, and imported by every other wing; it imports none."""
