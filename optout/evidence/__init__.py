"""Proof and undo: receipts of what was read and changed, pictures and captures of the pages
(personal details scrubbed first), the HTML report, and what `restore` puts back.

May import the ground and web (a capture is a replayable page); never watch, engine or cli.
"""
