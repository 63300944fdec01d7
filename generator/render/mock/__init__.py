"""The `mock` target: a runnable Starlette mock server. `server.render` is its entry point; `fixtures`
turns the spec into the data the engine serves."""
