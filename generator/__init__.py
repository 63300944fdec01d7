"""apigen: turn API doc pages into OpenAPI 3.1 specs, typed SDKs, mock servers and reference docs."""

__version__ = "0.1.0"
