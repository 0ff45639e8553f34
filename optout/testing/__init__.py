"""Test support shipped with optout: the contract every flow passes (like keyring.testing).

Importing this needs pytest; nothing in optout's commands imports it.
"""
