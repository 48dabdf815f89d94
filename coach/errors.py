"""Errors whose message is meant for the user, in French."""


class CoachError(Exception):
    """A problem the user can fix; ``str(error)`` is a French sentence."""


class ModelError(CoachError):
    """The model files are missing, altered, or incompatible."""


class DataError(CoachError):
    """Training or evaluation data is malformed."""


class InputError(CoachError):
    """A file or text given to the coach cannot be read as text."""
