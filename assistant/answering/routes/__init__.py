"""Answers that have a route of their own: one study, lists and syntheses of studies, a condition, another medicine, a user's document."""
