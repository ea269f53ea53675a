"""Reading a question: its language, everyday words, what it names and asks, and the plan made before retrieval."""
