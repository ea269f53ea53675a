"""Safety notices, and telling someone in danger now from a question about danger."""
