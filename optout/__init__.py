"""optout: turn off the settings that let platforms train AI on your data, prove it, keep it off.

The modules at this top level are the ground everything stands on (flows' data and how sure it
is, locating controls and reading their state, results, errors, credentials, accounts, the
person's preferences, paths, logs, printable text); they import nothing from the parts above
them. The parts stand in this order, each importing only the ground and the parts before it:
web, evidence, watch, engine, cli. The testing helpers may import any part but cli.
CONTRIBUTING.md draws the tree.
"""

__version__ = "0.1.0"
