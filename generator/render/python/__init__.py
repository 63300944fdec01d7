"""The `python` target: a typed, installable SDK package. `sdk.render` is its entry point; the flow runs
one way: spec -> `schemas.SchemaSet` -> `types.Typer` -> `plan.Plan` -> templates."""
