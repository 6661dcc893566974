"""Claim suggestion: rules that propose checkable claims (figures, quotes, attributions) for the analyst to accept."""
