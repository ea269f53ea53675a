"""Composing an answer from ranked sentences: the extractive composer, its first words, and the optional LLM composer."""
