"""Load the ``ollixir.testing`` pytest plugin when it is not installed as an entry point yet."""

from importlib.metadata import entry_points

if not any(ep.value == "ollixir.testing.plugin" for ep in entry_points(group="pytest11")):
    pytest_plugins = ["ollixir.testing.plugin"]
