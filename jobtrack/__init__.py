"""jobtrack: a terminal job-application tracker."""

__version__ = "0.1.0"
