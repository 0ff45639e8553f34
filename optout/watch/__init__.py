"""Keeping it off: the history of every reading, drift between readings, one run per account,
the OS schedulers that re-check, and the notifications that say a setting came back on.

May import the ground, web and evidence; never engine or cli.
"""
