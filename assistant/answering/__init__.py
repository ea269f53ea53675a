"""Answering: plan, retrieve, compose, safety notices (the pipeline every front end calls)."""
