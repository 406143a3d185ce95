"""The review web app: server-rendered pages analysts live in (queue, city view, history, feedback)."""
