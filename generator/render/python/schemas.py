"""Every schema of a spec gathered under the class names the SDK will use, for datamodel-code-generator.

Component schemas are renamed up front to unique class names (refs rewritten to match), and inline objects
(nested properties here; request bodies and responses as `types.Typer` meets them) are lifted into named
classes, so the models package and the SDK's annotations (`types`) name the same classes.
"""

from __future__ import annotations

import copy
import json
import keyword
import re
from dataclasses import dataclass, field
from typing import Any

from generator.core.naming import words
from generator.core.walk import target, unescape
from generator.render.naming import pascal

SCHEMA_PREFIX = "#/components/schemas/"
# Refs between the classes collected here; a prefix of their own keeps them apart from the spec's refs.
CLASS_PREFIX = "#/x-apigen-classes/"
_CLASS_REF = re.compile(r'"' + re.escape(CLASS_PREFIX) + r'([^"]+)"')
# Keywords whose value is a schema (with the word that names a class lifted out of it), a list of
# schemas, or a mapping of names to schemas.
_SCHEMA_KEYS = {"items": "Item", "additionalProperties": "Value", "not": "Not", "contains": "Item",
                "propertyNames": "Name", "unevaluatedProperties": "Value", "additionalItems": "Item",
                "unevaluatedItems": "Item", "if": "If", "then": "Then", "else": "Else"}
# Formats that would need an optional package at run time (email-validator), or that make a value awkward
# to read (`password`: pydantic's SecretStr, `.get_secret_value()` on every AWS name): kept as plain str.
_UNTYPED_FORMATS = {"email", "idn-email", "password"}
# Formats datamodel-code-generator types as something other than str.
_TYPED_FORMATS = {"date-time", "date", "time", "duration", "uuid", "uuid1", "uuid2", "uuid3", "uuid4", "uuid5",
                  "ipv4", "ipv6", "ipv4-network", "ipv6-network", "uri", "uri-reference", "url", "decimal"}
_SCHEMA_LISTS = {"allOf", "anyOf", "oneOf", "prefixItems"}
_SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}

# Class names datamodel-code-generator renames, or that would shadow the names it imports.
_RESERVED_CLASSES = {
    "Any", "Annotated", "AnyUrl", "AwareDatetime", "BaseModel", "ConfigDict", "Decimal", "Enum", "Field",
    "Literal", "Model", "Optional", "RootModel", "Union", "List", "Dict", "Set", "Tuple", "Type", "UUID",
    "Json", "SecretStr", "EmailStr", "IntEnum", "StrEnum", "Base64Str", "date", "datetime", "time", "timedelta",
    "Response", "Client", "AsyncClient", "APIResponse", "NotGiven", "Annotation", "Config", "Constr",
    "Conint", "Confloat", "Conlist", "Bytes", "Str", "Int", "Float", "Bool", "Object", "Array", "Number",
    "Integer", "String", "Boolean", "Null", "None_", "True_", "False_",
}

# Names the SDK's own modules define or import beside the models (the runtime in _base.py and _errors.py,
# typing helpers): a model of the same name would shadow one of them where both are imported.
_SDK_NAMES = {
    "Query", "Body", "Headers", "Timeout", "FileInput", "RequestOptions", "SyncResource", "AsyncResource",
    "SyncAPIClient", "AsyncAPIClient", "Self", "Callable", "Iterator", "AsyncIterator", "Mapping", "Sequence",
    "TYPE_CHECKING", "APIError", "APIStatusError", "BadRequestError", "AuthenticationError",
    "PermissionDeniedError", "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError",
    "InternalServerError", "APIResponseValidationError", "APIConnectionError", "APITimeoutError",
    "QueueTimeoutError", "FileContent", "NotGiven", "BaseClient", "NOT_GIVEN", "P", "R",
}

# Keywords that only describe a schema; `_NOT_ALIAS` ones give it a shape worth a class of its own.
_NOTES = {"description", "title", "deprecated", "readOnly", "writeOnly", "example", "examples", "default",
          "externalDocs", "$comment"}
_BOUNDS = {"minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
           "pattern", "minItems", "maxItems", "uniqueItems"}
_NOT_ALIAS = {"properties", "additionalProperties", "patternProperties", "enum", "const", "oneOf", "anyOf",
              "not", "if", "discriminator", "prefixItems", "$dynamicRef"}


# List properties whose name says nothing of what they hold: their items are named after the resource.
_CONTAINERS = {"data", "items", "results", "list", "records", "entries", "objects", "values", "elements",
               "rows", "hits", "content", "contents", "collection", "array"}
_NOT_PLURAL = ("ss", "us", "is", "ics", "news", "series", "species", "alias", "canvas", "bias", "atlas",
               "gas", "yes", "plus")


def _described(rewritten: Any, original: Any) -> Any:
    """A property that is a bare class `$ref` with a description beside it (`owner: {$ref: User,
    description: Who owns it.}`) as `allOf: [$ref]` with the description: datamodel-code-generator drops a
    `$ref`'s siblings, and the field would lose the page's description."""
    if isinstance(rewritten, dict) and list(rewritten) == ["$ref"] and isinstance(original, dict) and \
            isinstance(original.get("description"), str) and original["description"].strip():
        return {"allOf": [rewritten], "description": original["description"]}
    return rewritten


def _only_notes(schema: Any) -> bool:
    return isinstance(schema, dict) and all(key in _NOTES or str(key).startswith("x-") for key in schema)




@dataclass
class SchemaSet:
    """Component schemas under their class names, plus the inline objects lifted while typing the SDK."""

    spec: dict[str, Any]
    schemas: dict[str, Any] = field(default_factory=dict)  # class name -> schema (refs rewritten)
    names: dict[str, str] = field(default_factory=dict)  # original component key -> class name
    taken: set[str] = field(default_factory=set)
    # Properties holding an inline enum: typed `Literal[...]` rather than given an Enum class each, which
    # keeps models readable and halves datamodel-code-generator's work on large specs.
    literal_fields: set[str] = field(default_factory=set)
    # What one item of the current operation's resource is (`Image` for `client.images`), set by the plan
    # while it types that operation: the name of a generic container's items (`data`, see `_item_name`).
    noun: str | None = None
    _lifted: dict[str, str] = field(default_factory=dict)  # nested inline object (as JSON) -> its class
    _originals: dict[str, Any] = field(default_factory=dict)  # class name -> component schema as written

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> SchemaSet:
        """Rename every component schema to a unique class name, rewriting `$ref`s to match."""
        found = cls(spec=spec)
        components = (spec.get("components") or {}).get("schemas") or {}
        for key in components:
            found.names[str(key)] = found._fresh(pascal(str(key)))
            found._originals[found.names[str(key)]] = components[key]
        for key, schema in components.items():
            name = found.names[str(key)]
            found.schemas[name] = {}
            found.schemas[name] = found._rewrite(schema, frozenset(), name)
        return found

    def _fresh(self, base: str) -> str:
        """A class name not used yet, derived from `base`."""
        if base in _RESERVED_CLASSES or keyword.iskeyword(base) or base in _SDK_NAMES:
            base += "Model"
        name, count = base, 1
        while name in self.taken:
            count += 1
            name = f"{base}{count}"
        self.taken.add(name)
        return name

    def resolve(self, schema: Any, seen: frozenset[str] = frozenset()) -> Any:
        """Follow `$ref`s to their target: a lifted class, or any place in the spec (components, paths...)."""
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in seen:
                return {}
            seen = seen | {ref}
            name = self.class_ref(ref)
            if name is not None:
                schema = self.schemas.get(name, {})
                continue
            if not ref.startswith("#/"):
                return {}
            found = target(self.spec, ref)
            if found is None:
                return {}
            schema = found
        return schema

    def class_ref(self, ref: str) -> str | None:
        """The class a `$ref` to a component schema stands for, if it is one."""
        if ref.startswith(CLASS_PREFIX):
            return ref[len(CLASS_PREFIX):]
        if ref.startswith(SCHEMA_PREFIX):
            return self.names.get(unescape(ref[len(SCHEMA_PREFIX):]))
        return None

    def _rewrite(self, schema: Any, seen: frozenset[str], hint: str, item: str | None = None) -> Any:
        """A copy of `schema` whose refs name classes, with nested inline objects lifted into classes too.

        Refs to places other than component schemas are inlined (cycles cut), so datamodel-code-generator
        sees one self-contained document; `hint` names the classes lifted out of this schema, and `item`,
        when free, the class of its array items (see `_item_name`).
        """
        if not isinstance(schema, dict):
            return copy.deepcopy(schema) if isinstance(schema, (list, dict)) else schema
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = self.class_ref(ref)
            if name is not None and (ref in seen or not self._is_alias(self._originals.get(name))):
                return {"$ref": CLASS_PREFIX + name}
            if name is None and (ref in seen or not ref.startswith("#/")):
                return {}
            # A named alias (a string, number, list... with no fields of its own) is written out in place:
            # a RootModel for it would make users write `.root` at every step (`r.items.root[0].name.root`).
            inlined = self._rewrite(self._original(schema), seen | {ref}, hint, item)
            notes = {k: copy.deepcopy(v) for k, v in schema.items() if k in _NOTES}
            return {**inlined, **notes} if isinstance(inlined, dict) else inlined
        schema = self._flatten_alias(schema)
        schema = self._flatten_overrides(schema)
        copied: dict[str, Any] = {}
        for key, value in schema.items():
            if key == "propertyNames":
                continue  # bounds on a map's keys come out as `dict[constr(...), X]`, which no checker accepts
            if key in _SCHEMA_KEYS and isinstance(value, dict):
                copied[key] = self._nested(value, seen, f"{hint} {_SCHEMA_KEYS[key]}",
                                           prefer=item if key == "items" else None)
                if key == "items" and isinstance(copied[key], dict) and "$ref" not in copied[key] and \
                        isinstance(value.get("$ref"), str):
                    # An alias written out as list items: its bounds would make datamodel-code-generator
                    # write a RootModel per item (`names[0].root`); the server checks them anyway.
                    copied[key] = {k: v for k, v in copied[key].items() if k not in _BOUNDS}
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                copied[key] = [self._rewrite(v, seen, f"{hint}{i + 1}") for i, v in enumerate(value)]
            elif key in _SCHEMA_MAPS and isinstance(value, dict):
                copied[key] = {k: _described(self._nested(v, seen, f"{hint} {k}", item=self._item_name(str(k))), v)
                               for k, v in value.items()}
                self.literal_fields.update(str(k) for k, v in value.items() if isinstance(v, dict) and is_enum(v))
            elif key == "discriminator" and isinstance(value, dict):
                if self._ambiguous_tags(schema, value):
                    continue  # a plain union: pydantic tries each member in turn
                mapping = value.get("mapping")
                copied[key] = {**copy.deepcopy(value), **({"mapping": {
                    k: CLASS_PREFIX + (self.class_ref(str(v)) or self.names.get(str(v), str(v)))
                    for k, v in mapping.items()}} if isinstance(mapping, dict) else {})}
            elif key == "pattern":
                continue  # the server checks it; pydantic's regex engine rejects many real-world patterns
            elif key == "default" and any(k in schema for k in ("oneOf", "anyOf")):
                continue  # copied into every member's class, where it fits one at most (`'auto'` on an int)
            else:
                copied[key] = copy.deepcopy(value)
        fmt = copied.get("format")
        if fmt in _UNTYPED_FORMATS:
            del copied["format"]
        elif fmt in _TYPED_FORMATS and isinstance(copied.get("default"), str):
            del copied["default"]  # the field is a datetime/UUID/URL, and a str default would not type-check
        return copied

    def _original(self, schema: Any) -> Any:
        """Like `resolve`, but a component schema as the spec writes it (its class may not be built yet)."""
        for _ in range(20):
            ref = schema.get("$ref") if isinstance(schema, dict) else None
            if not isinstance(ref, str):
                return schema
            name = self.class_ref(ref)
            schema = self._originals.get(name, {}) if name is not None else self.resolve({"$ref": ref})
        return {}

    def _flatten_overrides(self, schema: dict[str, Any]) -> dict[str, Any]:
        """An `allOf` that redefines a field of a schema it extends (OpenAI's `status: Literal[...]` made an
        Enum) as one object of all their fields: as a subclass, the field's new type would not be the one
        its base declares, which type checkers reject."""
        all_of = schema.get("allOf")
        if not isinstance(all_of, list) or len(all_of) < 2:
            return schema
        inherited: dict[str, Any] = {}
        for part in all_of:
            if isinstance(part, dict) and "$ref" in part:
                found = self._fields(part, 0)
                if found is None:
                    return schema
                inherited.update(found[0])
        own = [part for part in all_of if isinstance(part, dict) and "$ref" not in part]
        if not inherited or not any(name in inherited and sub != inherited[name]
                                    for part in own for name, sub in (part.get("properties") or {}).items()):
            return schema
        merged = self._fields(schema, 0)
        if merged is None:
            return schema
        flat = {k: v for k, v in schema.items() if k != "allOf"}
        flat.update({"type": "object", "properties": merged[0]})
        if merged[1]:
            flat["required"] = merged[1]
        return flat

    def _fields(self, schema: Any, depth: int) -> tuple[dict[str, Any], list[str]] | None:
        """Properties and required names of an object schema as the spec writes it (through refs and allOf;
        later parts win); None for anything else (a union, a scalar)."""
        schema = self._original(schema)
        if not isinstance(schema, dict) or depth > 20 or any(k in schema for k in ("oneOf", "anyOf")):
            return None
        properties: dict[str, Any] = {}
        required: list[str] = []
        parts = schema.get("allOf")
        for part in parts if isinstance(parts, list) else []:
            found = self._fields(part, depth + 1)
            if found is None:
                if isinstance(part, dict) and all(k in _NOTES for k in part):
                    continue
                return None
            properties.update(found[0])
            required += [name for name in found[1] if name not in required]
        if isinstance(schema.get("properties"), dict):
            properties.update(schema["properties"])
        elif not isinstance(parts, list):
            return None
        required += [r for r in schema.get("required") or [] if isinstance(r, str) and r not in required]
        return properties, required

    def _ambiguous_tags(self, schema: dict[str, Any], discriminator: dict[str, Any]) -> bool:
        """Whether one discriminator value belongs to several members of the union (OpenAI's `ItemResource`
        has two members tagged `message`): pydantic refuses such a discriminated union at import time."""
        prop = discriminator.get("propertyName")
        members = schema.get("oneOf") or schema.get("anyOf")
        if not isinstance(prop, str) or not isinstance(members, list):
            return False
        owners: dict[str, int] = {}
        for member in members:
            for value in self._tag_values(member, prop, 0):
                owners[value] = owners.get(value, 0) + 1
        return any(count > 1 for count in owners.values())

    def _tag_values(self, schema: Any, prop: str, depth: int) -> set[str]:
        """The values a member's discriminator property may take (its enum or const, through allOf)."""
        schema = self._original(schema)
        if not isinstance(schema, dict) or depth > 10:
            return set()
        found: set[str] = set()
        field_schema = self._original((schema.get("properties") or {}).get(prop)) \
            if isinstance(schema.get("properties"), dict) else None
        if isinstance(field_schema, dict):
            values = field_schema.get("enum") if "const" not in field_schema else [field_schema["const"]]
            found |= {v for v in values or [] if isinstance(v, str)} if isinstance(values, list) else set()
        for part in schema.get("allOf") or [] if isinstance(schema.get("allOf"), list) else []:
            found |= self._tag_values(part, prop, depth + 1)
        return found

    def _is_alias(self, schema: Any, depth: int = 0) -> bool:
        """A schema that is only a scalar or a list (through refs and one-member allOfs): no class of its own
        is worth having for it. Objects, enums and unions keep theirs."""
        schema = self._original(schema)
        if not isinstance(schema, dict) or depth > 20 or not schema:
            return False
        if any(key in schema for key in _NOT_ALIAS):
            return False
        all_of = schema.get("allOf")
        if all_of is not None:
            structural = [part for part in all_of if not _only_notes(part)] if isinstance(all_of, list) else []
            return len(structural) == 1 and "type" not in schema and self._is_alias(structural[0], depth + 1)
        types = schema.get("type")
        kinds = types if isinstance(types, list) else [types]
        return bool(kinds) and all(kind in ("string", "integer", "number", "boolean", "array", "null")
                                   for kind in kinds) and kinds != ["null"]

    def _flatten_alias(self, schema: dict[str, Any]) -> dict[str, Any]:
        """`allOf: [{$ref: Alias}, {description: ...}]` (how AWS documents annotate a property) as the alias
        with the description beside it, so it is written out in place rather than made a class."""
        all_of = schema.get("allOf")
        if not isinstance(all_of, list) or any(k not in _NOTES and k != "allOf" for k in schema):
            return schema
        structural = [part for part in all_of if not _only_notes(part)]
        if len(structural) != 1 or not self._is_alias(structural[0]):
            return schema
        merged = {k: v for part in all_of if _only_notes(part) for k, v in part.items()}
        merged.update({k: v for k, v in schema.items() if k != "allOf"})
        return {**structural[0], **merged}

    def _nested(self, schema: Any, seen: frozenset[str], hint: str, item: str | None = None,
                prefer: str | None = None) -> Any:
        """A property, item or value schema: an inline object becomes a lifted class referenced by `$ref`,
        named `prefer` when that name is free, else from `hint` (`item`: see `_rewrite`)."""
        if isinstance(schema, dict):
            schema = self._flatten_alias(schema)
        if isinstance(schema, dict) and "$ref" not in schema and is_object_model(schema):
            name = self._preferred(prefer) or self._fresh(pascal(hint))
            self.schemas[name] = {}
            self.schemas[name] = self._rewrite(schema, seen, name)
            # The same inline object written again (GitHub's webhooks repeat theirs hundreds of times):
            # one class serves every copy, which keeps models smaller and datamodel-code-generator faster.
            content = json.dumps(self.schemas[name], sort_keys=True, ensure_ascii=False)
            first = self._lifted.setdefault(content, name)
            if first != name:
                del self.schemas[name]
                self.taken.discard(name)
                name = first
            return {"$ref": CLASS_PREFIX + name}
        return self._rewrite(schema, seen, hint, item)

    def _preferred(self, name: str | None) -> str | None:
        """`name` as a class name when no class (a component, or one lifted before) has it yet."""
        if not name or name in self.taken or name in _RESERVED_CLASSES or name in _SDK_NAMES or \
                keyword.iskeyword(name):
            return None
        self.taken.add(name)
        return name

    def _item_name(self, prop: str) -> str | None:
        """The class for the inline objects of list property `prop`, named by what one of them is, as
        openai-python names them (`ImagesResponse.data: list[Image]`, `choices: list[Choice]`): the singular
        of the property's last word (`output_images` -> `OutputImage`); for a generic container (`data`,
        `items`, `results`) the singular of the resource the operation belongs to (`images` -> `Image`,
        see `noun`). None when there is no such name: the class is then qualified by its parent
        (`HTTPValidationErrorDetailItem`), as it is when the short name is already taken."""
        found = words(prop)
        if not found:
            return None
        last = found[-1].lower()
        if last in _CONTAINERS:
            return self.noun if len(found) == 1 else None
        one = singular(last)
        return pascal(" ".join([*found[:-1], one])) if one else None

    def lift(self, schema: dict[str, Any], hint: str) -> str:
        """The class an inline object model (a request body, a response) is lifted into, named from `hint`."""
        name = self._fresh(pascal(hint))
        self.schemas[name] = {}
        self.schemas[name] = self._rewrite(schema, frozenset(), name)
        return name

    def drop_unused(self, used: set[str]) -> None:
        """Forget the lifted classes nothing reaches from `used` (the classes the SDK's methods name) or from a
        component schema: a queued submit's ticket, lifted from its response before the plan typed it as
        the one `QueueStatus`, would otherwise be a model no signature uses. Component schemas stay: they
        are the API's own named models (its error shapes among them)."""
        keep: set[str] = set()
        pending = [name for name in [*self.names.values(), *used] if name in self.schemas]
        while pending:
            name = pending.pop()
            if name in keep:
                continue
            keep.add(name)
            text = json.dumps(self.schemas[name], ensure_ascii=False)
            pending += [ref for ref in _CLASS_REF.findall(text) if ref in self.schemas and ref not in keep]
        for name in [name for name in self.schemas if name not in keep]:
            del self.schemas[name]

    def object_properties(self, schema: Any) -> tuple[dict[str, Any], set[str]] | None:
        """Properties and required names of an object schema (through refs and allOf), else None."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return None
        properties: dict[str, Any] = {}
        required: set[str] = set()
        parts = schema.get("allOf")
        if isinstance(parts, list) and parts:
            for part in parts:
                found = self.object_properties(part)
                if found is None:
                    return None
                properties.update(found[0])
                required |= found[1]
        if isinstance(schema.get("properties"), dict):
            properties.update(schema["properties"])
            required |= {str(r) for r in schema.get("required") or [] if isinstance(r, str)}
        elif not parts:
            return None
        if any(k in schema for k in ("oneOf", "anyOf")):
            return None
        return properties, required


def singular(word: str) -> str | None:
    """The singular of an English plural (`images` -> `image`, `entries` -> `entry`, `statuses` ->
    `status`), or None for a word that does not read as one (`detail`, `status`, `analysis`). A few rules
    rather than `inflect` (which datamodel-code-generator installs): importing it instruments its functions
    with typeguard and takes seconds, more than a whole small build."""
    word = word.lower()
    if len(word) < 3 or not word.endswith("s") or word.endswith(_NOT_PLURAL) or not word.isalpha():
        return None
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "uses", "xes", "zzes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def is_enum(schema: dict[str, Any]) -> bool:
    """A string enum: datamodel-code-generator writes a `str` Enum class for it."""
    enum = schema.get("enum")
    return isinstance(enum, list) and bool(enum) and all(isinstance(v, str) for v in enum if v is not None)


def is_object_model(schema: dict[str, Any]) -> bool:
    if any(k in schema for k in ("oneOf", "anyOf", "enum", "const")):
        return False
    types = schema.get("type")
    if isinstance(schema.get("properties"), dict) and schema["properties"] and types in (None, "object"):
        return True
    all_of = schema.get("allOf")
    return isinstance(all_of, list) and len(all_of) > 1 and types in (None, "object")
