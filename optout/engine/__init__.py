"""The cycle every flow goes through (read, plan, ask, apply, reload, verify) and what it
needs: the flows' registry, finding a control and its state on a page in any language, forms,
lists of targets, new controls, and the runner that opens a browser for one account's job.

May import the ground, web, evidence and watch; never cli.
"""
