"""One module per platform. Each defines `FLOW`, a `optout.flow.Flow` built from data.

This folder installs as `optout.flows` (see pyproject.toml); there is no top-level package
named `flows`.
"""
