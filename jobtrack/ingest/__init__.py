"""Reading a posting from where it lives: a URL, a file, a PDF or a paste,
into a `Document`. Every failure is a `SourceError` with one line for the user."""
