"""`apigen mock SERVICE|SPEC [--host] [--port] [--latency MS] [--queue-ticks N] [--seed N] [--api-key KEY]`.

SERVICE serves the committed `generated/<service>/mock/` folder; a SPEC file (any OpenAPI document) is
rendered into a temporary folder first. Either way the folder's own `app.py` serves it, so what runs is
exactly what ships. SIGTERM stops it like Ctrl-C does (uvicorn shuts down, the temporary folder is removed,
exit status 0): without that, uvicorn hands SIGTERM back to its default action after shutting down, which
ends the process before any cleanup runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path
from types import ModuleType

from generator.errors import ApigenError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="SERVICE|SPEC", help="a service name or an OpenAPI file")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one, the URL is printed)")
    parser.add_argument("--latency", type=float, default=0, help="added to every answer, in milliseconds")
    parser.add_argument("--queue-ticks", type=int, default=3, help="status polls until a queued request completes (default: 3)")
    parser.add_argument("--seed", type=int, default=0, help="seed of generated answer data (default: 0)")
    parser.add_argument("--api-key", default=None,
                        help="accept only this credential (default: $APIGEN_MOCK_API_KEY, else any well-formed one)")


def load_app_module(folder: Path) -> ModuleType:
    """Import `app.py` of a mock folder (its folder goes on sys.path for the engine import)."""
    path = folder / "app.py"
    if not path.is_file():
        raise ApigenError("not a mock folder (no app.py); run `apigen build` first", file=folder)
    spec = importlib.util.spec_from_file_location(f"apigen_mock_{abs(hash(str(folder)))}", path)
    if spec is None or spec.loader is None:
        raise ApigenError("cannot import the mock app", file=path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(folder))
    spec.loader.exec_module(module)
    return module


def render_spec(spec_path: Path, out: Path) -> Path:
    """Render the mock of any OpenAPI document into `out`; returns the mock folder."""
    from generator.config import ServiceConfig, package_name
    from generator.openapi import load_spec
    from generator.render import RenderContext
    from generator.render.mock.server import render

    spec = load_spec(spec_path)
    name = spec_path.stem
    render(spec, RenderContext(service=ServiceConfig(name=name, package=package_name(name))), out / "mock")
    return out / "mock"


class Terminated(Exception):
    """SIGTERM arrived: raised by the handler `run` installs, so the stack unwinds through its cleanup."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


def run(args: argparse.Namespace) -> int:
    from generator.config import load_config, service_name_problem

    target = Path(args.target)
    temporary: Path | None = None
    # uvicorn installs its own handlers while it serves and, once it has shut down, raises the signal it
    # caught again: this handler is the one in place then (and before uvicorn starts, while rendering)
    previous = signal.signal(signal.SIGTERM, _terminate) if threading.current_thread() is threading.main_thread() \
        else None
    try:
        if target.suffix.lower() in (".yaml", ".yml", ".json") and target.is_file():
            temporary = Path(tempfile.mkdtemp(prefix="apigen-mock-"))
            folder = render_spec(target, temporary)
        else:
            config = load_config()
            problem = service_name_problem(args.target)
            if problem:
                raise ApigenError(f"{problem}; give a service of this project or a spec file")
            folder = config.generated_dir / args.target / "mock"
            if not folder.is_dir():
                known = [n for n in config.service_names() if (config.generated_dir / n / "mock").is_dir()]
                hint = "" if known else (f" (no project at {config.root}: run it in a project folder, see "
                                         "`apigen init`, or give an OpenAPI file: apigen mock SPEC.yaml)")
                raise ApigenError(f"no mock for service {args.target!r}; known: {', '.join(known) or 'none'}{hint}")
        module = load_app_module(folder)
        api_key = args.api_key or os.environ.get("APIGEN_MOCK_API_KEY") or None
        module.serve(args.host, args.port, latency_ms=args.latency, queue_ticks=args.queue_ticks, seed=args.seed,
                     api_key=api_key)
    except Terminated:
        pass  # a normal shutdown: the folder goes below
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0
