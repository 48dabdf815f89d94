"""The rule engine: selling patterns and strengths as data, with rewrites."""
