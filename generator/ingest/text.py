"""The normalisation pass every page goes through before any reading: what a browser copy or a scraper
adds or removes without a person noticing.

- zero-width characters (U+200B-U+200D, U+2060, U+FEFF, soft hyphens) and bidi marks are dropped, no-break
  and ideographic spaces become plain spaces, full-width Latin letters and digits ASCII ones, CR/CRLF line
  ends become LF;
- a method word glued to its path (`POST/v1/images`) gets its space back, and a method word glued to the
  words before it (`...MessagesPOST /v1/x`, `已废弃POST`) starts its own line, so statement detection
  sees one shape only;
- a field name glued to its type word (`modelstring · enumRequired`, `promptstringRequired`) and required
  words glued to the labels after them (`RequiredPossible values:`) are split at those known seams.

Everything else (Chinese text, punctuation, full-width colons) is kept verbatim: descriptions are copied
into the spec as the page prints them.
"""

from __future__ import annotations

import re

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d"
                                    "\u202e\u2066\u2067\u2068\u2069"), None)
_SPACES = {ord("\u00a0"): " ", ord("\u3000"): " ", ord("\u2009"): " ", ord("\u202f"): " "}
# full-width Latin letters and digits (`ＰＯＳＴ`, `１０２４`, typed with a CJK input method) are the ASCII ones;
# full-width punctuation (`：`, `（`) stays, descriptions keep it and the readers know it
_WIDE = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}

METHOD_WORDS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_M = "|".join(METHOD_WORDS)
# `POST/v1/x` (not inside a path: no letter or slash right before the method word)
_METHOD_PATH = re.compile(rf"(?<![A-Za-z/.])({_M})(?=/[\w{{]|https?://)")  # also `POSThttps://api.x.com/v1`
# `MessagesPOST /v1/x`, `已废弃POST` at a line end: the method word begins a new line
_GLUED_BEFORE = re.compile(rf"(?<=[a-z\u4e00-\u9fff)）])({_M})(?=[ \t]*(?:/|https?://|\{{\{{)|[ \t]*$)", re.MULTILINE)
# `方法: POST路径: /v1/x`: a method word glued to the label of the next fact starts that label's own line
_METHOD_THEN_LABEL = re.compile(rf"(?<![A-Za-z])({_M})(?=[\u4e00-\u9fff]{{1,6}}[:：])")
TYPE_WORDS = "string|integer|number|boolean|object|array"
_REQUIRED_WORDS = "Required|Optional|required|optional"
# `modelstring · enum`, `promptstringRequired`, `cfg_scalenumber · max: 1Optional`, `generation_idstringRequiredExample:`
_NAME_TYPE = re.compile(rf"(?m)^([A-Za-z_][A-Za-z0-9_.\[\]]*?[a-z0-9_\]])({TYPE_WORDS})(?=\s*·|(?:{_REQUIRED_WORDS})\b|"
                        rf"(?:{_REQUIRED_WORDS})(?=[A-Z])|<\w+>)")
_BARE_NAME_TYPE = re.compile(rf"(?m)^([a-z][a-z0-9_]*[a-z0-9_])({TYPE_WORDS})[ \t]*$")
_WORD_LABEL = re.compile(rf"(?<=[a-z0-9])({_REQUIRED_WORDS}|Default|Possible values|Example)(?=[A-Z:]|\b)")


# a section heading glued to the URL or path ending a line (`.../v1/audio/speech请求头`, `…/v1/tts請求參數`,
# `…/v1/synthリクエスト`) starts its own line: any CJK/kana/hangul run there that the section vocabulary
# (`sections.heading`) knows, or a Latin section word with a CJK tail (`Body 参数`, also followed by its media
# type: `...{{YOUR_API_KEY}}Body 参数 application/json`), also after a curl command's closing `}'`
_GLUED_TAIL = re.compile(r"(?m)(?:(?<=[A-Za-z0-9/}])|(?<=\}'))((?:Header|Body|Query|Path) ?(?:参数|Parameters|Params)(?:[ \t]*(?:application|multipart|text)/[\w.+\-]+)?|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
                         r"[^\n]{0,24}?)[ \t]*$")


# inline formatting tags (GitBook's `<mark style="color:green;">`POST`</mark>`, `<span>`, `<font>`) carry no
# fact; block tags (tables, details, MDX components) are structure and stay
_INLINE_TAG = re.compile(r"</?(?:mark|span|font|strong|em|kbd|sup|sub|small|abbr|ins|del)\b[^<>\n]{0,200}>", re.IGNORECASE)


def _split_glued_heading(match: re.Match[str]) -> str:
    from generator.ingest.sections import heading

    found = heading(match.group(1))
    return "\n" + match.group(1) if found is not None and found.kind != "end" else match.group(0)


def normalize(text: str) -> str:
    """The page text with invisible characters gone and glued tokens split at known seams."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE).translate(_SPACES)
    if re.search("[\uff10-\uff5a]", text):
        text = text.translate(_WIDE)
    if "<" in text:
        text = _INLINE_TAG.sub("", text)
    text = _GLUED_TAIL.sub(_split_glued_heading, text)
    text = _GLUED_BEFORE.sub(r"\n\1", text)
    text = _METHOD_THEN_LABEL.sub(r"\1\n", text)
    text = _METHOD_PATH.sub(r"\1 ", text)
    text, glued = _NAME_TYPE.subn(r"\1 \2 ", text)
    if glued:  # the page glues names to types (`promptstringRequired`): a bare `lyricsstring` line is one too
        text = _BARE_NAME_TYPE.sub(r"\1 \2", text)
    text = _QUOTED_THEN_WORD.sub(r"\1\n\2", text)
    text = _QUOTED_THEN_LABEL.sub("\n", text)
    text = _DEFAULT_THEN_LABEL.sub(r"\1\n\2", text)
    text = _NEXT_REQUIRED_CLAUSE.sub("\n", text)
    text = _MEDIA_THEN_WORD.sub(r"\1 ", text)
    text = _TABLE_AFTER_PATH.sub(r"\1\n\2", text)
    if _MARKED.search(text):
        text = _MARKED_LINE.sub(_split_marked, text)
    return _split_labels(text)


# Fumadocs' listing copied as text glues each field's name, its mark (`*` required, `?` optional), its type
# and its description (`prompt?stringText prompt.`), and a field with no description to the next field
# (`type?stringurl?stringfiles?arrayPositional images`). A run of `name` + mark + type word at a line's start
# is cut into one line per field, the description after a space; a run that does not end at a line end, a
# capital, a CJK character or another such field is left as it was.
_MARK_TYPES = "string|integer|number|boolean|object|array|file|null|any"
_MARKED_FIELD = rf"[A-Za-z_][\w.\-]*[?*](?:{_MARK_TYPES})(?:\[\])?"
_MARKED = re.compile(rf"(?m)^{_MARKED_FIELD}(?=$|[A-Z\u4e00-\u9fff]|{_MARKED_FIELD})")
_MARKED_LINE = re.compile(rf"(?m)^(?:{_MARKED_FIELD})+(?=$|[A-Z\u4e00-\u9fff])[^\n]*")
_ONE_MARKED = re.compile(rf"(?P<field>[A-Za-z_][\w.\-]*[?*](?:{_MARK_TYPES})(?:\[\])?)(?=$|[A-Z\u4e00-\u9fff]|{_MARKED_FIELD})")


def _split_marked(match: re.Match[str]) -> str:
    line, fields, at = match.group(0), [], 0
    while True:
        found = _ONE_MARKED.match(line, at)
        if not found:
            break
        fields.append(found.group("field"))
        at = found.end()
    rest = line[at:].strip()
    return "\n".join(fields[:-1] + [f"{fields[-1]} {rest}".rstrip()])


# A line that opens with a quoted value glued to the next line's first word: a rendered listing copied as
# text (`"binary"mask`, `"sk-2SiNP"Request Body`): an example value, then the next field or heading. JSON
# never glues a word to a closing quote (`"key": 1`), so the seam is safe to split.
_QUOTED_THEN_WORD = re.compile(r'(?m)^([ \t]*(?:"[^"\n]{1,200}"){1,64})(?=[A-Za-z\u4e00-\u9fff])(\S)')


# a listing's labels glued after a quoted value (`Default: "a"Value in: "a" | "b"`): each label its own line
_QUOTED_THEN_LABEL = re.compile(r'(?<=")(?=(?:Value in|Possible values|Allowed values|Available options|Default|'
                                r'Example|Examples|Minimum|Maximum)(?: length| value)?\s*[:：])')
# prose that lists fields one clause each (`image:必填,参考图片 URL。image_tail:可选,尾帧图片 URL。`): each clause
# whose name is followed by a required word starts its own line
_NEXT_REQUIRED_CLAUSE = re.compile(r"(?<=[。；;])[ \t]*(?=[A-Za-z_][\w.]*[ \t]*[:：][ \t]*(?:必填|必需|必须|可选|选填|非必填)[,，;；。])")
# GitBook: a default's value glued to the next label (`Default: 16:9Possible values:`)
_DEFAULT_THEN_LABEL = re.compile(r"(?m)^((?:Default|Example)s?:[ \t]*\S+?)((?:Possible|Allowed|Enum) values:)")
# a media type glued to the word after it (`application/jsonOptional`, `application/jsonRequired`)
_MEDIA_THEN_WORD = re.compile(r"((?:application|multipart|text)/[a-z0-9.+\-]*[a-z0-9])(?=[A-Z][a-z])")


# `POST /v1/audio/speech| 参数 | 类型 |`: a table's header row glued to the address line above it
_TABLE_AFTER_PATH = re.compile(rf"(?m)^((?:{_M})[ \t]+/[^\s|]*)(\|(?:[^|\n]+\|){{2,}})[ \t]*$")


def _split_labels(text: str) -> str:
    """`enumRequiredPossible values:` -> `enum Required Possible values:` on lines that hold a type word."""
    out = []
    for line in text.split("\n"):
        if "·" in line or re.search(rf"\b(?:{TYPE_WORDS})\s+(?:{_REQUIRED_WORDS})", line) or re.search(
                rf"\b(?:{TYPE_WORDS})(?:{_REQUIRED_WORDS})", line):
            line = re.sub(rf"\b({TYPE_WORDS})({_REQUIRED_WORDS})", r"\1 \2", line)
            line = _WORD_LABEL.sub(r" \1", line)
            line = re.sub(rf"\b({_REQUIRED_WORDS})(?=[A-Z])", r"\1 ", line)
            line = re.sub(r"[ \t]{2,}", " ", line)
            if "·" in line and "|" not in line:
                # GitBook: a default value, the next label and the next field share one line
                # (`16:9Possible values: durationinteger · enum`): each starts its own line
                line = re.sub(r"(?<=\S)[ \t]*(Possible values:|Default:|Example:)", r"\n\1", line)
                line = re.sub(rf"(?<=: )([A-Za-z_][A-Za-z0-9_]*?[a-z0-9_])({TYPE_WORDS})(?=\s*·)", r"\n\1 \2", line)
        out.append(line)
    return "\n".join(out)


class LineIndex:
    """Offset -> line number in O(log n), so locating many things on a large page stays linear."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", text))

    def line_of(self, offset: int) -> int:
        """1-based line number of `offset`."""
        from bisect import bisect_right

        return bisect_right(self.starts, offset)

    def offset_of(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self.starts[min(max(line, 1), len(self.starts)) - 1]
