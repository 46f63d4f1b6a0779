"""Shared HTML building blocks for the apps' forms: no models, no views; every app
may import it, it imports nothing of the project."""
