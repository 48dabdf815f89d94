"""Practice sessions: scenarios, the conversation game, the session store, reports."""
