"""operationIds and resource tags for operations that lack them (or carry unusable ones).

Renderers build `client.<tags[0]>.<operationId minus the tag>(...)`, so the names chosen here are the SDK's
public API. OpenAI-compatible paths get the names Stainless gives them in the `openai` package
(`client.images.generate`, `client.chat.completions.create` as tag `chat` + `chat_completions_create`);
other paths get a resource from their first segment and a verb from the method (`list`, `retrieve`,
`create`, `update`, `delete`), or the action their last segment names (`.../{id}/cancel`).
"""

from __future__ import annotations

import re

from generator.core.naming import snake

# Leading path segments that are not the resource: API prefixes and versions.
_PREFIX = re.compile(r"^(api|openai|v\d+(\.\d+)*([a-z]+\d*)?)$", re.IGNORECASE)
_PARAM = re.compile(r"\{[^}]*\}")

# (method, path without prefix) -> (tag, operationId), as the `openai` package names them.
OPENAI_NAMES: dict[tuple[str, str], tuple[str, str]] = {
    ("post", "/chat/completions"): ("chat", "chat_completions_create"),
    ("get", "/chat/completions"): ("chat", "chat_completions_list"),
    ("get", "/chat/completions/{}"): ("chat", "chat_completions_retrieve"),
    ("post", "/chat/completions/{}"): ("chat", "chat_completions_update"),
    ("delete", "/chat/completions/{}"): ("chat", "chat_completions_delete"),
    ("post", "/completions"): ("completions", "completions_create"),
    ("post", "/embeddings"): ("embeddings", "embeddings_create"),
    ("post", "/moderations"): ("moderations", "moderations_create"),
    ("post", "/images/generations"): ("images", "images_generate"),
    ("post", "/images/edits"): ("images", "images_edit"),
    ("post", "/images/variations"): ("images", "images_create_variation"),
    ("post", "/audio/speech"): ("audio", "audio_speech_create"),
    ("post", "/audio/transcriptions"): ("audio", "audio_transcriptions_create"),
    ("post", "/audio/translations"): ("audio", "audio_translations_create"),
    ("get", "/models"): ("models", "models_list"),
    ("get", "/models/{}"): ("models", "models_retrieve"),
    ("delete", "/models/{}"): ("models", "models_delete"),
    ("post", "/files"): ("files", "files_create"),
    ("get", "/files"): ("files", "files_list"),
    ("get", "/files/{}"): ("files", "files_retrieve"),
    ("delete", "/files/{}"): ("files", "files_delete"),
    ("get", "/files/{}/content"): ("files", "files_content"),
    ("post", "/responses"): ("responses", "responses_create"),
    ("get", "/responses/{}"): ("responses", "responses_retrieve"),
    ("delete", "/responses/{}"): ("responses", "responses_delete"),
    ("post", "/responses/{}/cancel"): ("responses", "responses_cancel"),
    ("post", "/videos"): ("videos", "videos_create"),
    ("get", "/videos"): ("videos", "videos_list"),
    ("get", "/videos/{}"): ("videos", "videos_retrieve"),
    ("delete", "/videos/{}"): ("videos", "videos_delete"),
    ("get", "/videos/{}/content"): ("videos", "videos_download_content"),
    ("post", "/videos/{}/remix"): ("videos", "videos_remix"),
    ("post", "/batches"): ("batches", "batches_create"),
    ("get", "/batches"): ("batches", "batches_list"),
    ("get", "/batches/{}"): ("batches", "batches_retrieve"),
    ("post", "/batches/{}/cancel"): ("batches", "batches_cancel"),
    ("post", "/messages"): ("messages", "messages_create"),
}

# Last path words that already say what the call does, so no CRUD verb is appended.
_ACTIONS = {
    "cancel", "content", "download", "fetch", "generate", "query", "result", "results", "status", "submit",
    "stream", "upload", "search", "run", "retry", "stop", "start", "pause", "resume", "approve", "reject",
    "confirm", "verify", "login", "logout", "refresh", "execute", "action", "blend", "describe", "imagine",
    "shorten", "upscale", "variation", "modal", "swap", "extend", "remix", "edit", "edits", "lyrics",
}
_VERBS = {"get": "retrieve", "post": "create", "put": "update", "patch": "update", "delete": "delete",
          "head": "head", "options": "options", "trace": "trace"}


def _segments(path: str) -> list[tuple[str, bool]]:
    """(text, is_parameter) per path segment; a segment like `{model}:generate` keeps `generate`."""
    result = []
    for segment in path.strip("/").split("/"):
        if not segment:
            continue
        literal = _PARAM.sub("", segment).strip(":-_. ")
        if literal:
            result.append((literal, False))
        else:
            result.append((segment, True))
    return result


def _without_prefix(segments: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    index = 0
    while index < len(segments) - 1 and not segments[index][1] and _PREFIX.match(segments[index][0]):
        index += 1
    return segments[index:]


def _key(path: str) -> str:
    """A path without its prefix, parameters as `{}`: the OPENAI_NAMES lookup key."""
    parts = _without_prefix(_segments(path))
    return "/" + "/".join("{}" if is_param else text for text, is_param in parts)


def openai_name(method: str, path: str) -> tuple[str, str] | None:
    """(tag, operationId) of an OpenAI-compatible operation, else None."""
    return OPENAI_NAMES.get((method, _key(path)))


def path_resource(path: str) -> str:
    """The resource a path is about: its first segment after the prefix (`api` when it has none); a `#fragment`
    (AWS's `/#X-Amz-Target=Svc.Op`) is no segment, a client never sends it."""
    for text, is_param in _without_prefix(_segments(path.split("#", 1)[0])):
        if not is_param:
            return snake(text, fallback="resource")
    return "api"


def derive_operation_id(method: str, path: str, resource: str | None = None) -> str:
    """A snake_case operationId from the method and path, prefixed by the path's resource."""
    known = openai_name(method, path)
    if known:
        return known[1]
    parts = _without_prefix(_segments(path))
    literals = [text for text, is_param in parts if not is_param] or [resource or "api"]
    ends_with_param = bool(parts) and parts[-1][1]
    action_words = {word for literal in literals[1:] for word in snake(literal, fallback="part").split("_")}
    is_action = not ends_with_param and (bool(action_words & _ACTIONS) or (
        method == "post" and len(parts) >= 2 and parts[-2][1]))
    if is_action:
        verb = ""
    elif method == "get":
        verb = "retrieve" if ends_with_param else "list"
    elif method == "post" and ends_with_param:
        verb = "update"
    else:
        verb = _VERBS.get(method, method)
    # One snake() over all words, so that normalizing the result again leaves it as it is.
    return snake(" ".join([*literals, verb]), fallback="op")


def queue_tag(path: str) -> str:
    """Resource tag of a fal queue submit: the model path (`wan_v2_2_a14b_image_to_image`), else the owner."""
    parts = _without_prefix(_segments(path))
    literals = [text for text, is_param in parts if not is_param]
    if len(literals) > 1 and literals[0].lower() in ("fal-ai", "fal_ai", "fal"):
        literals = literals[1:]
    if not literals:
        return "models"
    return snake("/".join(literals), fallback="model")


def usable_tag(tag: object) -> str | None:
    """A given tag as a snake_case resource name, or None when it has no ASCII words to name it by."""
    if not isinstance(tag, str) or not re.search(r"[A-Za-z]", tag):
        return None
    return snake(tag, fallback="resource")
