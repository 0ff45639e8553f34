"""The browser and being signed in: finding and launching a browser, replaying saved pages,
encrypted sessions, signing in (with a password, an authenticator code or the person's own
hand), and the guards against signing in too often.

May import the ground (the modules at optout's top) only: never evidence, watch, engine or cli.
"""
