pytest_plugins = ["optout.testing.plugin"]
