"""Defaults, ranges and enums written in description text, in Chinese or English.

Doc pages rarely carry `default`/`minimum`/`enum` as data; they write them into the description
(`默认值:0.95 范围值0.01-1`, `Required range: 1 <= x <= 12`, `Available options: a, b`). `lift` reads
them back so the spec, the SDK's validation and the mock all know them. Every rule errs on the side of
lifting nothing: a wrong enum would make valid requests fail.
"""

from __future__ import annotations

import re
from typing import Any

NUM = r"-?\d+(?:\.\d+)?"
_NUMERIC = {"integer", "number"}

# Value right after a default marker: quoted, or one bare token.
_VALUE = r"(?P<v>\"[^\"]*\"|“[^”]*”|'[^']*'|`[^`]*`|[^\s,，。;；、()（）]+)"
_ASCII_VALUE = r"(?P<v>\"[^\"]*\"|“[^”]*”|'[^']*'|`[^`]*`|[-\w.:]*[A-Za-z0-9][^\s,，。;；、()（）]*)"
_DEFAULTS = [
    # (`默认值依据模型而定`, `默认值取决于时长`: the default depends on something; no value is stated)
    re.compile(r"(?:默认值|缺省值)\s*(?:为|是)?\s*[:：=]?\s*(?!依据|根据|取决|视|随|因|由|与)" + _VALUE),
    re.compile(r"默认(?:为|是)?\s*[:：]?\s*" + _ASCII_VALUE),
    re.compile(r"(?:\b[Dd]efaults?\s+to|\b[Dd]efault(?:\s+value)?(?:\s+is)?\s*[:：=])\s*" + _VALUE),
    re.compile(r"\b[Dd]efault value (?:is|of)\s+" + _ASCII_VALUE),  # `with a default value of udio32-v1.5.`
    re.compile(r"\(\s*[Dd]efault\s*[:：]?\s*" + _VALUE + r"\s*\)"),
    re.compile(r"(?:デフォルト(?:値)?|既定値|初期値)\s*(?:は|:|：)\s*" + _VALUE),
    # a Japanese default word glued to its value (`デフォルト1`, `デフォルト値1024`): an ASCII value only
    re.compile(r"(?:デフォルト(?:値)?|既定値|初期値)\s*(?P<v>-?\d+(?:\.\d+)?(?![\d.])|[A-Za-z][A-Za-z0-9_.:\-]*)"),
    re.compile(r"(?:по умолчанию|По умолчанию)\s*[:：—-]?\s*" + _VALUE),
    # a quoted value before `by default` (`'V_2' by default`, `"url" is the default`)
    re.compile(r"(?P<v>'[^'\n]{1,40}'|\"[^\"\n]{1,40}\"|`[^`\n]{1,40}`)\s+(?:by default|is the default)"),
    # `720p or 1080p; default 720p`: a bare `default` before a value with a digit that ends the clause
    re.compile(r"(?:^|[;；,，.。]\s*)[Dd]efault\s+(?P<v>[A-Za-z]*\d[\w.:\-]*)(?=\s*(?:$|[;；,，。)]|\.(?:\s|$)))"),
    # a lowercase `default` right before a number or boolean, no colon: `Page number, default 1`
    re.compile(r"\b(?:[Dd]efault|by default)\s+(?P<v>-?\d+(?:\.\d+)?|true|false)(?![\w.:/x×*-])"),
    # a default word right before a quoted value: `Default \`medium\``, `defaults \"auto\"`
    re.compile(r"\b[Dd]efaults?\s+(?:is\s+|to\s+)?(?P<v>\"[^\"]*\"|“[^”]*”|'[^']*'|`[^`]*`)"),
    # other languages: 預設值/預設 (zh-TW), 기본값 (ko), por defecto / predeterminado (es), par défaut (fr),
    # Standardwert / Standard (de), padrão (pt), mặc định (vi)
    re.compile(r"(?:預設值|預設|缺省|기본값|기본\s*값|[Pp]or defecto|[Pp]redeterminado|[Pp]ar d[ée]faut|[Vv]aleur par d[ée]faut|"
               r"Standardwert|[Vv]alor padr[ãa]o|[Pp]adr[ãa]o|[Mm]ặc định)\s*(?:为|是|은|는|es|est|ist|é|là)?\s*[:：=]?\s*"
               + _VALUE),
    # a value marked as the default after it: `"url"(デフォルト)`, `std(默认)`, `png (default)`
    re.compile(r"(?P<v>\"[^\"]*\"|“[^”]*”|'[^']*'|`[^`]*`|[A-Za-z0-9][\w.:\-]*)\s*[（(]\s*(?:デフォルト|默认值?|預設值?|default)"
               r"\s*[)）]", re.IGNORECASE),
]

_RANGES = [
    re.compile(rf"(?P<a>{NUM})\s*(?P<ao><=|<|≤)\s*[a-zA-Z]\w*\s*(?P<bo><=|<|≤)\s*(?P<b>{NUM})"),
    re.compile(rf"(?:范围|範圍|範囲|取值范围|범위|rango|plage|Bereich)值?\s*(?:为|是)?\s*[:：]?\s*[(\[（]?\s*(?P<a>{NUM})\s*"
               rf"(?:-|~|–|—|〜|～|到|至)\s*(?P<b>{NUM})(?![\d:])"),
    re.compile(rf"\bbetween\s+(?P<a>{NUM})\s+and\s+(?P<b>{NUM})", re.IGNORECASE),
    re.compile(rf"介于\s*(?P<a>{NUM})\s*(?:和|与|到|至|-|~)\s*(?P<b>{NUM})"),
    re.compile(rf"(?P<a>{NUM})\s*(?:到|至)\s*(?P<b>{NUM})\s*之间"),
    re.compile(rf"(?P<a>{NUM})\s*から\s*(?P<b>{NUM})\s*(?:の間|まで)"),  # ja: `1 から 10 の間`
    re.compile(rf"(?:范围|区间|range|Range|диапазон)\D{{0,8}}?[\[(（]\s*(?P<a>{NUM})\s*[,，~]\s*(?P<b>{NUM})\s*[\])）]"),
    re.compile(rf"(?P<ao>>=|≥)\s*(?P<a>{NUM})\s*(?:(?:and|,|，|且|и|und|et|y)\s*)?(?P<bo><=|≤)\s*(?P<b>{NUM})"),
    re.compile(rf"\[\s*(?P<a>{NUM})\s*\.\.\s*(?P<b>{NUM})\s*\]"),  # Redoc: `integer [ 1 .. 99 ]`
    # `(0.25 to 4.0)`, `from 1 to 8`: an English range in words
    re.compile(rf"(?:[(（]\s*|\bfrom\s+)(?P<a>{NUM})\s+to\s+(?P<b>{NUM})(?![\d.])", re.IGNORECASE),
    # `1以上100以下`, `1 이상 50 이하` (ja/ko bounds written after the number)
    re.compile(rf"(?P<a>{NUM})\s*(?:以上|이상)\s*[、,，]?\s*(?P<b>{NUM})\s*(?:以下|이하)"),
]
# a bound written as a word after the number (ja/ko) or before it (zh): `1以上`, `100 이하`, `不超过 8`
_WORD_LOWER = re.compile(rf"(?P<a>{NUM})\s*(?:以上|이상)|(?:大于等于|不小于|不低于|至少)\s*(?P<a2>{NUM})")
_WORD_UPPER = re.compile(rf"(?P<b>{NUM})\s*(?:以下|이하)|(?:小于等于|不大于|不超过|不高于|至多)\s*(?P<b2>{NUM})")
_LOWER_ONLY = re.compile(rf"\b[a-zA-Z]\s*(?P<o>>=|>|≥)\s*(?P<a>{NUM})")
_UPPER_ONLY = re.compile(rf"\b[a-zA-Z]\s*(?P<o><=|<|≤)\s*(?P<b>{NUM})")
_MIN = re.compile(rf"(?:最小值|最小|最少|\bminimum|\bmin)\s*(?:为|是|is)?\s*[:：=]?\s*(?P<a>{NUM})", re.IGNORECASE)
_MAX = re.compile(rf"(?:最大值|最大|最多|\bmaximum|\bmax)\s*(?:为|是|is)?\s*[:：=]?\s*(?P<b>{NUM})", re.IGNORECASE)
# (a bound may group its thousands: `500–500,000`)
_GROUPED = r"\d{1,3}(?:,\d{3})+(?![\d,])"
_BARE_RANGE = re.compile(rf"(?<![\w.:×*/\-])(?P<a>{_GROUPED}|{NUM})\s*(?:-|–|~|〜|～)\s*(?P<b>{_GROUPED}|{NUM})"
                         rf"(?![\w:×*/%\-]|\.\d)")

_ENUM_KEY = re.compile(
    r"(?:Possible enum values|Allowed enum values|Value in|Available options|利用可能なオプション|可用选项|Доступные варианты|Supported values|Possible values|Allowed values|Valid values|Accepted values|Options|"
    r"Allowed|\bone of|\bEnum|必须是|只能是|必须为|其中之一|可选择|可选值为|可选值|可选项|枚举值|允许的值|允许值|取值|支持的[\u4e00-\u9fff]{1,8}(?=[:：])|支持的格式|支持格式|支持的值|支持|可选|"
    r"指定できる値|選択可能な値|指定可能な値|使用可能な値|利用可能な値|選択肢|列挙値|допустимые значения|возможные значения|可選值|可選|允許值|가능한 값|허용 값|선택 가능|"
    r"[Vv]alores (?:posibles|permitidos|válidos)|[Vv]aleurs (?:possibles|autorisées)|[Mm]ögliche Werte|"
    r"[Ee]rlaubte Werte|[Vv]alores aceitos|[Aa]vailable values|[Ee]num values|[Aa]ccepts|[Ee]ither)\s*(?:包括|有|为)?\s*[:：]?\s*",
    re.IGNORECASE,
)
ENUM_KEY = _ENUM_KEY  # (`glued` reads the runs after the same keywords)
_ITEM = r"(?:\"[^\"\n]+\"|“[^”\n]+”|'[^'\n]+'|`[^`\n]+`|[A-Za-z0-9][\w.:\-+*×]*)"
# separators of listed values; `or`/`and` only as words between spaces (`a, b or c`), so a value `or` stays one
_SEP = r"(?:\s*(?:,|、|，|\||/|·|或|和|及|または)\s*|\s+(?:or|and|или|또는|oder|ou)\s+)"
_GLOSS = r"(?:\s?[(（][^()（）\n]{1,20}[)）])?"  # `std(标准)`: a value with its meaning after it
_ITEMS = re.compile(rf"{_ITEM}{_GLOSS}(?:{_SEP}{_ITEM}{_GLOSS})+")
_DUN_LIST = re.compile(rf"{_ITEM}{_GLOSS}(?:\s*、\s*{_ITEM}{_GLOSS})+")
# Redoc's `Enum: "low" "high"`: quoted values separated by spaces only, right after the options keyword
_QUOTED_RUN = re.compile(r"(?:\"[^\"\n]+\"|`[^`\n]+`)(?:\s*(?:\"[^\"\n]+\"|`[^`\n]+`))+")
# identifiers parted by spaces only, each with a digit, `_` or `-` in it (no prose word looks like that), an
# item perhaps marked as the default, up to the end of the clause
_ID = r"(?<![\w.\-])(?:[A-Za-z][A-Za-z0-9]*(?:[_\-.][A-Za-z0-9]+)+|[A-Za-z]+\d\w*)(?![\w.\-])"
_MARK = r"(?:\s*[(（](?:default|默认|默认值|デフォルト)[)）])?"
_SPACED_IDS = re.compile(rf"{_ID}{_MARK}(?:[ \t]+{_ID}{_MARK})+(?=\s*(?:$|[。,，;；|]|\.(?:\s|$)))")
_GLOSSED = re.compile(r"\s*(?P<v>[A-Za-z0-9][\w.\-]*)\s*[:：]\s*[^:：;；。\n]{1,30}?[;；。]")


def _glossed_values(text: str, start: int) -> list[str]:
    """`v1:gloss; v2:gloss。` right after an options keyword: the values (two or more), glosses dropped."""
    values: list[str] = []
    for _ in range(64):
        match = _GLOSSED.match(text, start)
        if not match:
            break
        values.append(match.group("v"))
        start = match.end()
    return values if len(values) >= 2 else []


# quoted values joined by `or` or commas anywhere in the text (every item quoted)
_QUOTED_OR = re.compile(r"(?:\"[^\"\n]{1,40}\"|`[^`\n]{1,40}`)(?:\s*(?:,|、|，|/|或|,?\s*or)\s*(?:\"[^\"\n]{1,40}\"|`[^`\n]{1,40}`))+")
# a label that lists the allowed values, followed by one value only: quoted (`Value in "x"`), or after a label
# that says there is one (`Only option: geometry`); a bare run after `可选值:` may be several values glued
_ONE_OPTION = re.compile(r"(?:(?:The )?[Oo]nly (?:option|allowed value|supported value)|唯一可选值|唯一取值)\s*[:：]?\s*"
                         r"(?P<value>\"[^\"\n]{1,40}\"|`[^`\n]{1,40}`|[A-Za-z0-9][\w.\-]*[A-Za-z0-9]|[A-Za-z0-9])"
                         r"(?=\s*(?:$|[。,，;；)）]|\.(?:\s|$)))|"
                         r"(?:Value in|Allowed values?|Possible values?|Valid values?|Enum values?|可选值|枚举值|允许值)\s*[:：]?\s*"
                         r"(?P<quoted>\"[^\"\n]{1,40}\"|`[^`\n]{1,40}`)(?=\s*(?:$|[。,，;；)）]|\.(?:\s|$)))")
# a type-union of code spans anywhere in the text: `` `png` | `jpeg` | `webp` ``
_CODE_UNION = re.compile(r"`[^`\n]+`(?:\s*\|\s*`[^`\n]+`)+")
# values listed before a word that says the value must be one of them (ja `である必要があります` / `のいずれか`,
# zh `之一`); items in ASCII only, since `\w` would run on into the kana after the last one
_ASCII_ITEM = r"(?:\"[^\"\n]+\"|'[^'\n]+'|`[^`\n]+`|[A-Za-z0-9][A-Za-z0-9_.:\-+*×]*)"
_MUST_BE = re.compile(rf"(?<![A-Za-z0-9_.])(?P<items>{_ASCII_ITEM}(?:(?:{_SEP})+{_ASCII_ITEM})+)\s*"
                      r"(?:である必要があります|のいずれか|のどれか|中的一个|其中之一|之一)")
# values in parentheses joined by an `or` word (not a comma list of examples)
_OR_WORD = r"(?:\s*(?:或|または)\s*|\s+(?:or|또는|oder|ou|o|или)\s+)"
_OR_IN_PARENS = re.compile(rf"[(（]\s*(?P<items>{_ASCII_ITEM}(?:{_OR_WORD}{_ASCII_ITEM})+)\s*[)）]")
_OR_TAIL = re.compile(rf"(?:^|(?:[,，;；：]|(?<!\d):)\s*)(?P<items>{_ASCII_ITEM}(?:{_OR_WORD}{_ASCII_ITEM})+)\s*[。.]?\s*$")
# code spans listed right after a label's colon: the values, whatever the sentence says after them
_LONG_GLOSS = r"(?:\s?[(（][^()（）\n]{1,60}[)）])?"  # code spans carry longer glosses: `user` (use the user's lyrics)
_CODE_LIST = re.compile(rf"[:：]\s*(?P<items>`[^`\n]+`{_LONG_GLOSS}(?:\s*(?:,|、|，|/|或|or)\s*`[^`\n]+`{_LONG_GLOSS})+)")


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] in "\"'`“" and text[-1] in "\"'`”":
        return text[1:-1]
    return text


def _bare(text: str) -> str:
    """A bare (unquoted) value with a sentence-ending full stop removed."""
    if text[:1] in "\"'`“":
        return _unquote(text)
    return text[:-1] if text.endswith(".") and len(text) > 1 else text


def coerce(text: str, kind: str | None) -> Any:
    """The value `text` denotes for a field of JSON type `kind`; None when it cannot be one.

    Without a kind, JSON-looking literals (numbers, true/false) become those values, anything else a string.
    """
    raw = text.strip()
    quoted = raw[:1] in "\"'`“"
    raw = _unquote(raw)
    if kind == "integer":
        if re.fullmatch(r"-?\d+", raw):
            return int(raw)
        if re.fullmatch(r"-?\d+\.0+", raw):
            return int(float(raw))
        return None
    if kind == "number":
        if re.fullmatch(NUM, raw):
            number = float(raw)
            return int(number) if number.is_integer() and "." not in raw else number
        return None
    if kind == "boolean":
        lowered = raw.lower()
        return {"true": True, "false": False}.get(lowered)
    if kind in ("string", None) and not quoted and kind is None:
        if re.fullmatch(NUM, raw):
            return int(raw) if re.fullmatch(r"-?\d+", raw) else float(raw)
        if raw in ("true", "false"):
            return raw == "true"
    if kind in ("object", "array", "null"):
        return None
    return raw


def _number(text: str, kind: str | None) -> int | float:
    text = text.replace(",", "")
    value = float(text)
    if kind == "integer" or (re.fullmatch(r"-?\d+", text) and kind != "number"):
        return int(value) if value.is_integer() else value
    return int(value) if value.is_integer() and "." not in text else value


def find_default(text: str, kind: str | None) -> Any:
    """The first default the text states that fits `kind`, else None."""
    for pattern in _DEFAULTS:
        for match in pattern.finditer(text):
            value = coerce(_bare(match.group("v")), kind)
            if value is not None and value != "":
                return value
    return None


def find_range(text: str, kind: str | None) -> dict[str, Any]:
    """minimum/maximum (or exclusive ones) stated by the text; bare `a-b` only for numeric fields."""
    for pattern in _RANGES:
        match = pattern.search(text)
        if match:
            a, b = _number(match.group("a"), kind), _number(match.group("b"), kind)
            if a > b:
                continue
            found: dict[str, Any] = {}
            found["exclusiveMinimum" if match.groupdict().get("ao") == "<" else "minimum"] = a
            found["exclusiveMaximum" if match.groupdict().get("bo") == "<" else "maximum"] = b
            return found
    found = {}
    lower = _LOWER_ONLY.search(text)
    if lower:
        found["exclusiveMinimum" if lower.group("o") == ">" else "minimum"] = _number(lower.group("a"), kind)
    upper = _UPPER_ONLY.search(text)
    if upper:
        found["exclusiveMaximum" if upper.group("o") == "<" else "maximum"] = _number(upper.group("b"), kind)
    if found or kind not in _NUMERIC:
        return found
    word_lower, word_upper = _WORD_LOWER.search(text), _WORD_UPPER.search(text)
    if word_lower:
        found["minimum"] = _number(word_lower.group("a") or word_lower.group("a2"), kind)
    if word_upper:
        found["maximum"] = _number(word_upper.group("b") or word_upper.group("b2"), kind)
    if found:
        return found
    low, high = _MIN.search(text), _MAX.search(text)
    if low:
        found["minimum"] = _number(low.group("a"), kind)
    if high:
        found["maximum"] = _number(high.group("b"), kind)
    if found:
        return found
    bracket = re.search(rf"[\[(（]\s*(?P<a>{NUM})\s*[,，]\s*(?P<b>{NUM})\s*[\])）]", text)
    if bracket:
        a, b = _number(bracket.group("a"), kind), _number(bracket.group("b"), kind)
        if a <= b:
            return {"minimum": a, "maximum": b}
    bare = _BARE_RANGE.search(text)
    if bare:
        a, b = _number(bare.group("a"), kind), _number(bare.group("b"), kind)
        if a <= b:
            return {"minimum": a, "maximum": b}
    return {}


def _split_items(text: str) -> list[str]:
    """The values of a matched list, split at its separators (`a, b or c` is three values: the word `or`
    is a separator, not a value)."""
    text = re.sub(r"\s?[(（][^()（）\n]{1,20}[)）]", "", text)
    parts = [p.strip() for p in re.split(_SEP, text.strip()) if p.strip()]
    if parts and all(re.fullmatch(_ITEM, p) for p in parts):
        return [_unquote(p) for p in parts]
    return [_unquote(item) for item in re.findall(_ITEM, text)]


_WHOLE_LIST = re.compile(rf"^(?:[^:：,，。]{{1,24}}[:：]\s*|[\u3040-\u30ff\u4e00-\u9fff]{{1,8}}(?:\s+|\s*[，,。]\s*|(?=[A-Za-z0-9])))?(?P<items>{_ITEM}{_GLOSS}(?:{_SEP}{_ITEM}{_GLOSS})+)\s*"
                         r"(?:[(（][^)）]*[)）])?\s*[。.]?$")
_GLUED = re.compile(r"^(?:[^:：,，。]{1,12}[:：]\s*)(?P<token>[A-Za-z0-9][\w.\-]*)\s*[。.]?$")


def _glued_items(token: str) -> list[str]:
    """`ray-v1ray-v2` -> [ray-v1, ray-v2], `540p720p1080p` -> [540p, 720p, 1080p]: a token made of two or more
    values of one shape printed without their separators."""
    for pattern in (r"(?<=\d)(?=[A-Za-z])", r"(?<=[A-Za-z])(?=\d)"):
        parts = [p for p in re.split(pattern, token) if p]
        shapes = {re.sub(r"\d+", "9", re.sub(r"[A-Za-z]+", "a", p)) for p in parts}
        if len(parts) >= 2 and len(shapes) == 1 and len(set(parts)) == len(parts) and all(len(p) >= 2 for p in parts):
            return parts
    for size in range(len(token) // 2, 2, -1):  # `MID_JOURNEYNIJI_JOURNEY`: values sharing an ending
        pieces = token.split(token[-size:])
        if len(pieces) >= 3 and pieces[-1] == "" and all(len(p) >= 2 for p in pieces[:-1]) and \
                not token[-size:].isdigit():
            return [p + token[-size:] for p in pieces[:-1]]
    for size in range(2, len(token) // 2 + 1):
        prefix = token[:size]
        pieces = re.split(f"(?={re.escape(prefix)})", token)
        pieces = [p for p in pieces if p]
        if len(pieces) >= 2 and all(p.startswith(prefix) and len(p) > size for p in pieces) and \
                len({re.sub(r"\d+", "9", p) for p in pieces}) == 1:
            return pieces
    return []


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
def _glued_ratios(token: str) -> list[str]:
    """`21:916:93:2` -> [21:9, 16:9, 3:2]: aspect ratios printed without separators. Each run of digits
    between two colons holds the end of one ratio and the start of the next; it is cut where both sides are
    plausible ratio terms (1-32, no leading zero), and a run that allows no cut or two cuts reads as nothing."""
    groups = token.split(":")
    if len(groups) < 3 or not all(g.isdigit() for g in groups) or len(token) > 200:
        return []

    def term(text: str) -> bool:
        return bool(text) and text[0] != "0" and 1 <= int(text) <= 32

    if not term(groups[0]) or not term(groups[-1]):
        return []
    ratios, left = [], groups[0]
    for run in groups[1:-1]:
        cuts = [at for at in range(1, len(run)) if term(run[:at]) and term(run[at:])]
        if len(cuts) != 1:
            return []
        ratios.append(f"{left}:{run[:cuts[0]]}")
        left = run[cuts[0]:]
    ratios.append(f"{left}:{groups[-1]}")
    return ratios if len(set(ratios)) == len(ratios) else []


# how a value is written, capitalised as prose writes the nouns (`url`/`b64_json` in lower case are literal values)
_FORMAT_NOUNS = {"URL", "URLs", "URI", "Base64", "BASE64", "Base64编码", "base64编码", "Data URI", "Data URL"}


_FILE_FORMATS = {"png", "jpg", "jpeg", "webp", "gif", "bmp", "tiff", "heic", "mp4", "mov", "webm", "mp3", "wav", "m4a",
                 "flac", "ogg", "pdf"}


def find_enum(text: str, kind: str | None, default: Any = None) -> list[Any]:
    """Values listed after an options keyword, a description that is nothing but a list of values (after an
    optional `label:`), values glued together after a label, or a `a、b` list that holds the default."""
    if re.fullmatch(r"\s*(?:application|multipart|text|image|audio|video)/[\w.+\-]+(?:;.*)?\s*", text):
        return []  # a media type (`application/json`) is one value, not `application` or `json`
    candidates: list[list[str]] = []
    for key in _ENUM_KEY.finditer(text):
        start = key.end()
        bracket = re.match(r"[\[［]\s*", text[start:start + 3])  # `Possible values: [`a`, `b`]`
        listed = _ITEMS.match(text, start + (bracket.end() if bracket else 0))
        if listed and re.match(r"\s*(?:等|etc\b|\.\.\.|…|など|и т\. ?д)", text[listed.end():]):
            continue  # `支持 PNG、JPEG 等格式`: an open list, not every value there is
        if listed:
            candidates.append(_split_items(listed.group(0)))
        else:  # one token right after the keyword: values printed without their separators
            glossed = _glossed_values(text, start)
            if glossed:  # `取值: GEM:Gemini; Qwen:千问。 Hunyuan:混元。`: each value with its gloss
                candidates.append(glossed)
                continue
            spaced = _SPACED_IDS.match(text, start)
            if spaced:  # `Available values: mp3_22050_32 mp3_44100_128 (default) pcm_16000`
                candidates.append(re.findall(_ID, re.sub(r"[(（][^)）]*[)）]", " ", spaced.group(0))))
                continue
            token = re.match(r"[\w.:\-]+(?=[\s。.,，;；]|$)", text[start:])
            if token:
                candidates.append(_glued_ratios(token.group(0)) or _glued_items(token.group(0)))
        quoted = _QUOTED_RUN.match(text, start)
        if quoted:
            candidates.append([_unquote(item) for item in re.findall(r"\"[^\"\n]+\"|`[^`\n]+`", quoted.group(0))])
    leading = re.match(r"\s*(\d+:\d+(?:\d+:\d+)+)(?=[;；,，。\s]|$)", text)  # `16:99:161:1;…`: glued ratios open it
    if leading and len(_glued_ratios(leading.group(1))) >= 2:
        candidates.append(_glued_ratios(leading.group(1)))
    for run in _CODE_LIST.finditer(text):  # `类型：`subject`（角色特征）、`face`（人物长相），仅…`
        if not re.search(r"(?:示例|例如|比如|例|e\.g\.|[Ee]xamples?|such as)\s*$", text[:run.start()]):
            candidates.append(re.findall(r"`([^`\n]+)`", run.group("items")))  # the spans, not their glosses
    tail = _OR_TAIL.search(text)  # `仅 veo3 系列,16:9 或 9:16`: the clause after the last comma names the values
    if tail:
        candidates.append(_split_items(tail.group("items")))
    for run in _OR_IN_PARENS.finditer(text):  # `이미지 품질 (standard 또는 hd)`, `格式(png 或 jpg)`
        candidates.append(_split_items(run.group("items")))
    for run in _MUST_BE.finditer(text):  # `256x256、512x512、または1024x1024である必要があります`
        candidates.append(_split_items(run.group("items")))
    for run in _QUOTED_OR.finditer(text):  # `Texture quality: "standard" or "detailed"`
        candidates.append([_unquote(item) for item in re.findall(r"\"[^\"\n]+\"|`[^`\n]+`", run.group(0))])
    for union in _CODE_UNION.finditer(text):
        candidates.append([_unquote(item.strip()) for item in union.group(0).split("|")])
    only = None
    one = _ONE_OPTION.search(text)  # `Only option: "geometry"`, `可选值:viduq2`: a list of one value
    if one and not any(len(c) > 1 for c in candidates):
        only = [_unquote(one.group("value") or one.group("quoted"))]
        candidates.append(only)
    sentence = re.split(r"(?<=[。；;])|(?<=\.)\s|\s[-–]\s", text.strip())[0].strip().rstrip(";；")
    for part in dict.fromkeys((text.strip(), sentence)):  # in order: deterministic
        whole = _WHOLE_LIST.match(part)
        if whole:
            candidates.append(_split_items(whole.group("items")))
        glued = _GLUED.match(part)
        if glued and _glued_items(glued.group("token")):
            candidates.append(_glued_items(glued.group("token")))
    if default is not None:  # (a comma list with glosses that holds the default: `disabled(关闭), auto(自动), 默认disabled`)
        for run in [*_DUN_LIST.finditer(text), *_ITEMS.finditer(text)]:
            run_items = _split_items(run.group(0))
            if str(default).lower() in {item.lower() for item in run_items}:
                candidates.append(run_items)
    for items in candidates:
        if items and items[-1].endswith(".") and len(items[-1]) > 1:
            items[-1] = items[-1][:-1]
        if len(items) > 2 and _CJK.search(items[0]) and not any(_CJK.search(item) for item in items[1:]):
            items = items[1:]  # `bot类型,mj(默认)或niji`: a label in the page's language before Latin values
        if kind in _NUMERIC and items:  # `5或10秒`: the unit after the last number belongs to every value
            items[-1] = re.sub(r"(?<=\d)\s*(?:秒|s|sec|seconds|px|张|帧|个|分钟|min|minutes)$", "", items[-1])
        values = [coerce(item, kind) for item in items]
        if any(v is None for v in values) or len(values) < 2 and items is not only:
            continue
        unique = list(dict.fromkeys(values))
        if all(str(v) in _FORMAT_NOUNS for v in unique):
            continue  # `图片 URL 或 Base64`: the forms a value may take, not the values
        if all(str(v).lower() in _FILE_FORMATS for v in unique) and re.search(r"URL|url|[Bb]ase64|链接|地址", text):
            continue  # `图片 URL, 格式 png/jpg`: the formats of the file the value points to
        if default is not None and str(default).lower() not in {str(v).lower() for v in unique}:
            continue
        return unique
    return []


def lift(text: str, kind: str | None = None, example: Any = None) -> dict[str, Any]:
    """Schema keywords (`default`, `minimum`, `maximum`, `exclusive*`, `enum`) the description states.

    `example`, when known, vetoes an enum that does not hold it (a list of accepted file formats on a
    URL field is not an enum of the field's values).
    """
    if "<br" in text:  # a table cell's list: `可选的分辨率：<br/>- \`720x1280\`<br/>- \`1280x720\``
        text = re.sub(r"([:：])\s*(?:<br\s*/?>\s*)+[-*•]\s*", r"\1", text)
        text = re.sub(r"\s*<br\s*/?>\s*[-*•]\s*", "、", text)
        text = re.sub(r"\s*<br\s*/?>\s*", " ", text)
    flat = re.sub(r"\s+", " ", text)
    flat = re.sub(r"\\([\[\]~_{}*`#<>!\-])", r"\1", flat)  # MDX escapes (`\[1.0 \~ 20.0]`) read as their character
    flat = re.sub(r"(?<=[\w)])\.(?=[A-Z][a-z]+\b)", ". ", flat)  # `2:3.Default: 1:1`: a sentence glued on
    found: dict[str, Any] = {}
    default = find_default(flat, kind)
    if default is not None:
        found["default"] = default
    if kind in _NUMERIC or kind is None:
        found.update(find_range(flat, kind))
    if kind not in ("object", "array", "boolean"):
        enum = find_enum(flat, kind, default)
        glued = isinstance(example, str) and example == "".join(map(str, enum))  # `示例值: urlb64_json`
        # an example outside the list vetoes it (file formats listed for a URL field), unless the stated
        # default is one of the values: the list is then the field's own, and the example a slip
        if enum and (example is None or example in enum or glued or "default" in found and found["default"] in enum):
            found["enum"] = enum
    return found
