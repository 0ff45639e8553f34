"""optout: turn off the settings that let platforms train AI on your data, prove it, keep it off."""

__version__ = "0.1.0"
