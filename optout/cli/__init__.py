"""The command line: the Typer app, one module per group of commands, and the terminal's
rendering of results. `main` registers every command module on the app.

May import anything in optout; nothing imports it but `optout.__main__` and the entry point.
"""
