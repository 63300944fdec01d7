"""The `apigen` command: one verb per stage, from doc pages to specs to SDKs, docs and mock servers.

Each verb lives in its own module under `generator.cli` and is imported only when it runs, so that
`apigen check` and a no-op `apigen build` start without paying for jinja2, pydantic or the validator.
A verb module provides `add_arguments(parser)` and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from generator import __version__
from generator.errors import ApigenError

VERBS: dict[str, str] = {
    "init": "Create a project of your own: apigen.yaml, specs/sources/, .gitignore, pre-commit hooks.",
    "ingest": "Read doc pages and write one OpenAPI 3.1 spec.",
    "build": "Regenerate specs/ and generated/ from specs/sources (incremental).",
    "check": "Exit 1 naming each file that a build would change (drift check for CI).",
    "validate": "Validate OpenAPI specs.",
    "generate": "Render an SDK, docs or a mock server from any OpenAPI document.",
    "mock": "Serve a service's mock server.",
    "diff": "API changelog between two specs, classified breaking or not.",
    "watch": "Rebuild affected services when specs/ or templates/ change.",
    "fetch": "Download the doc pages listed in specs/sources/<service>/sources.yaml.",
}


def _module_name(verb: str) -> str:
    return f"generator.cli.{verb}"


DESCRIPTION = ("apigen: API documentation pages -> normalized OpenAPI 3.1 specs -> typed Python SDK, reference "
               "docs and a mock server, regenerated incrementally when the docs change.")
EPILOG = ("Start a project of your own with `apigen init DIR`; `apigen VERB --help` describes each verb. "
          "A project is the folder holding apigen.yaml and specs/ (found from the current folder up).")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="apigen", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"apigen {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for verb, help_text in VERBS.items():
        sub.add_parser(verb, help=help_text, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in VERBS:
        parser = _parser()
        if not args_list:
            parser.print_help()
            return 2
        parser.parse_args(args_list)  # prints usage / --help / --version, or an "invalid choice" error
        return 2
    verb = args_list[0]
    module = importlib.import_module(_module_name(verb))
    parser = argparse.ArgumentParser(prog=f"apigen {verb}", description=VERBS[verb])
    module.add_arguments(parser)
    args = parser.parse_args(args_list[1:])
    try:
        return int(module.run(args))
    except ApigenError as error:
        print(f"apigen {verb}: error: {error}", file=sys.stderr)
        return 1
    except RecursionError:
        # the last line of defence: readers bound depth themselves (generator.openapi.io.MAX_DEPTH), but a
        # deeply nested input reaching some other recursive reader must still end in one line, not a trace
        print(f"apigen {verb}: error: input nested too deeply to process (over Python's recursion limit)",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
