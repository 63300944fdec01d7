"""`python <this folder> [--host H] [--port P] [--latency MS] [--queue-ticks N] [--seed N] [--api-key KEY]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app import SERVICE, serve


def main() -> None:
    parser = argparse.ArgumentParser(description=f"Mock server of the {SERVICE} API.".replace("%", "%%"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--latency", type=float, default=0, help="added to every answer, in milliseconds")
    parser.add_argument("--queue-ticks", type=int, default=3, help="status polls until a queued request completes")
    parser.add_argument("--seed", type=int, default=0, help="seed of generated data")
    parser.add_argument("--api-key", default=os.environ.get("APIGEN_MOCK_API_KEY") or None,
                        help="accept only this credential (default: $APIGEN_MOCK_API_KEY, else any)")
    args = parser.parse_args()
    serve(args.host, args.port, latency_ms=args.latency, queue_ticks=args.queue_ticks, seed=args.seed,
          api_key=args.api_key)


if __name__ == "__main__":
    main()
