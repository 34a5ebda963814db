"""The use cases both front ends call: taking in a posting, editing records,
the agenda, reviews and reminders, the derived indexes, exchange and settings."""
