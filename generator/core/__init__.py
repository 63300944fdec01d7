"""What every stage shares and no stage owns: names and the reading of JSON documents.

ingest, openapi, render and regen import from here, never from one another's internals; nothing here
imports a stage.
"""
