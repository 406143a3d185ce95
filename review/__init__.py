"""Review stage: queue state machine, review web app, analysts, audit log, city feedback."""
