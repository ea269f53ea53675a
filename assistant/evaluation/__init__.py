"""Answer-quality evaluation over the question set."""
