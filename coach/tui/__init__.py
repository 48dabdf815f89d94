"""The practice chat: a Textual app (``coach`` or ``coach chat``)."""
