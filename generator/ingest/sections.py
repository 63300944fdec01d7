"""Section headings of doc pages (请求参数, Header 参数, Request Body, 返回响应, Response...).

Layouts read the same kinds of sections under many names and in two languages; knowing which section a
line sits in tells whether a field is a path, query or header parameter, a body field or a response
field, and whether a JSON example shows the request or the response.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PATH, QUERY, HEADER, AUTH, BODY, RESPONSE, CODE, END = (
    "path", "query", "header", "auth", "body", "response", "code", "end")

_MEDIA = re.compile(r"(?<![A-Za-z0-9])((?:application|multipart|text)/[A-Za-z0-9.+\-]+)")
_STATUS = re.compile(r"(?<!\d)([1-5]\d\d)(?!\d)")
_DECOR = re.compile(r"^[\s#>*`•·\-–🟢🟠🔴🟡🔵⚪️]+|[\s*`:：]+$")

_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    # a bare `Path` / `Query` / `URL` heading only capitalised: `url` alone on a line is a field's name
    (PATH, re.compile(r"^(?:path\s*(?:参数|param(?:eter)?s?|variables)|路径参数|路徑參數|(?-i:Path)|パスパラメータ|パスパラメーター|"
                      r"параметры пути|경로 파라미터|경로 매개변수|parámetros de ruta|paramètres de chemin)$", re.IGNORECASE)),
    (QUERY, re.compile(r"^(?:query\s*(?:参数|param(?:eter)?s?|string(?:\s+param(?:eter)?s)?)|查询参数|查詢參數|(?-i:Query)|"
                       r"url\s*参数|(?-i:URL)|url params|クエリパラメータ|クエリパラメーター|параметры строки запроса|"
                       r"쿼리 파라미터|쿼리 매개변수|parámetros de consulta|paramètres de requête)$", re.IGNORECASE)),
    (HEADER, re.compile(r"^(?:header\s*(?:参数|param(?:eter)?s?)|headers|request headers|请求头(?:参数|部)?|請求頭(?:參數)?|"
                        r"请求标头|ヘッダー|ヘッダ|リクエストヘッダー|заголовки(?: запроса)?|헤더|요청 헤더|"
                        r"encabezados|en-têtes)$", re.IGNORECASE)),
    (AUTH, re.compile(r"^(?:authorizations|authentication|授权|认证|鉴权|認證|認証|авторизация|인증)$", re.IGNORECASE)),
    (RESPONSE, re.compile(
        r"^(?:返回值说明|返回数据结构|响应数据结构|返回字段|响应字段|返回响应|返回示例|返回结果|返回参数|返回体|返回数据|返回值|响应示例|响应参数|响应结构|响应体|响应|回應|響應|"
        r"返回參數|回應參數|回應範例|"
        r"responses?(?:\s+(?:body|examples?|fields|schema|parameters|samples?|headers))?|数据结构|成功\s*\(\d{3}\)|"
        r"(?:HTTP\s*)?状态码|レスポンス(?:例|ボディ|パラメータ|パラメーター|フィールド|構造|サンプル)?|応答(?:例)?|"
        r"ステータスコード|ответ|пример ответа|коды ответа|응답|"
        r"respuesta|réponse|antwort|resposta)(?![\w])|"
        r"^(?-i:[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}\s+(?:Response|Responses)$)", re.IGNORECASE)),  # `Submit Response`
    (BODY, re.compile(
        r"^(?:body\s*(?:参数|类型|parameters|params)|request\s*body(?:\s+schema)?|请求体|请求参数|请求示例|"
        r"request\s*examples?|request\s*samples?|request parameters|parameters|請求參數|請求體|請求範例|请求正文|"
        r"ボディ|リクエストボディ|リクエスト|パラメーター|パラメータ|тело запроса|параметры(?: запроса)?|"
        r"요청 본문|요청 바디|본문|요청 파라미터|요청 매개변수|파라미터|매개변수|cuerpo de la solicitud|parámetros|"
        r"corps de la requête|paramètres|anfragekörper|corpo da requisição|parâmetros|"
        r"body(?=$|\s*(?:application|multipart))|"
        r"(?-i:[A-Z][\w\-]*(?:\s+[\w\-]+){0,4}\s+(?:Parameters|Params)$))", re.IGNORECASE)),  # `Text to 3D Parameters`
    (CODE, re.compile(r"^(?:示例代码|请求示例代码|代码示例|範例程式碼|程式碼範例|sample code|code samples?|code examples?|"
                      r"quick start|コード例|サンプルコード|코드 예시|예제 코드|código de ejemplo|exemples de code|"
                      r"примеры кода|пример кода)$", re.IGNORECASE)),
    (END, re.compile(r"^(?:修改于|最后修改|最后更新|modified at|last modified|updated at|was this page helpful|how is this guide|"
                     r"上一页|下一页)", re.IGNORECASE)),
    # page chrome after the reference, in any language: whole short lines only (`Next` may open a sentence)
    (END, re.compile(r"^(?:(?:previous|next|prev)(?:\s+page)?|上一篇|下一篇|上一頁|下一頁|前へ|次へ|이전|다음|назад|далее|"
                     r"anterior|siguiente|précédent|suivant|zurück|weiter|on this page|本页目录|本頁目錄|目录|"
                     r"edit this page|在 github 上编辑此页|copyright\b.*|©.*|all rights reserved\.?)$", re.IGNORECASE)),
]


# what a queued job gives once done (fal model pages: `Output`; relays: `结果示例`): a response with the pseudo
# status RESULT, which a queue submit records as `x-queue-result` and any other operation reads as its 200.
# English words only capitalised: a field named `output` or `result` alone on a line is no heading.
RESULT = "result"
_RESULT = re.compile(r"^(?:(?:Output|Outputs|Result|Results)(?:\s+(?:[Ss]chema|[Ff]ields|[Ee]xamples?|[Pp]ayload|"
                     r"[Pp]arameters|[Ss]amples?))?|(?:Output|Result) \(\w+\)|结果|结果示例|结果字段|输出|输出参数|输出示例|"
                     r"输出结果|任务结果|生成结果|结果响应|結果|結果範例|輸出|輸出參數|出力|出力例|出力スキーマ|결과|출력|"
                     r"результат|выходные данные)$")

# and what it takes: fal model pages name the request body `Input` (capitalised, as above)
_INPUT = re.compile(r"^(?:Input|Inputs)(?:\s+(?:[Ss]chema|[Ff]ields|[Pp]arameters|[Pp]ayload))?$|^(?:输入|输入参数|輸入|輸入參數|入力|입력)$")


_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.、)）]|\d{1,2}(?:\.\d{1,2})+\s)\s*(?=[^\W\d_])")


@dataclass(frozen=True)
class Heading:
    kind: str
    media: str | None = None
    status: str | None = None
    label: str | None = None  # what a status line says of its status (`🟢200成功` -> 成功)


_TAGS = re.compile(r"</?(?:summary|details|b|strong|em|i|h[1-6]|p|span|div|code|u|font|label)\b[^>]*>", re.IGNORECASE)
_TAB = re.compile(r"^(?:===|\?\?\?\+?|:::\s*(?:tab|details)?|\{%\s*tab\s+title\s*=)\s*[\"']?([^\"']*)[\"']?\s*(?:%\})?\s*$",
                  re.IGNORECASE)  # content tabs: `=== "200"`, `::: tab 200`, GitBook's `{% tab title="200: OK" %}`


def clean(line: str) -> str:
    """A line without markdown/HTML/emoji decoration around it: `**Response**`, `<summary><b>Body</b></summary>`,
    a content tab's marker (`=== "200"`, `::: tab 200`)."""
    text = re.sub(r"^\s*Section titled\s*[“\"]?\s*", "", line)
    if "<" in text:
        text = _TAGS.sub("", text)
    tab = _TAB.match(text.strip())
    if tab:
        text = tab.group(1)
    text = re.sub(r"\*\*|__", "", text) if "**" in text or "__" in text else text
    return _DECOR.sub("", text.strip()).strip()


def media_type(line: str) -> str | None:
    match = _MEDIA.search(line)
    return match.group(1) if match else None


def opens_response_body(line: str) -> bool:
    """True for a bare `Body` (or `Body application/json`) line: inside a response section it names the
    response's body (Apifox: 返回响应 / 🟢200成功 / application/json / Body), not the request body."""
    return re.fullmatch(r"body(?:\s*(?:application|multipart|text)/\S+)?", clean(line), re.IGNORECASE) is not None


def labelled_value(lines: list[str], at: int) -> bool:
    """A bare number right under a label that ends in a colon (`Allowed values:` / `510`, `Default:` / `200`):
    the label's value, not a status heading."""
    return clean(lines[at]).isdigit() and at > 0 and lines[at - 1].rstrip().endswith((":", "："))


def enclosing(lines: list[str], index: int) -> tuple[int, Heading] | None:
    """The section line `index` sits in, as (line index, heading) of the nearest heading above it; a bare
    `Body` heading under a response heading stays in that response (the response heading is returned)."""
    body: tuple[int, Heading] | None = None
    for at in range(index - 1, -1, -1):
        found = heading(lines[at])
        if found is None:
            continue
        if labelled_value(lines, at):
            continue
        if found.kind == BODY and opens_response_body(lines[at]):
            body = body or (at, found)
            continue
        if found.kind == RESPONSE:
            return at, found
        return body or (at, found)
    return body


def _label(text: str) -> str | None:
    """The words after a status code, up to the media type or the UI words that follow them."""
    words = re.split(r"\s*(?:(?:application|multipart|text)/|示例|生成代码|Example\b|Body\b)", text, maxsplit=1)[0]
    words = words.strip(" \t-–:：·|")
    return words or None


def _is_sentence(rest: str) -> bool:
    return len(rest) > 30 or bool(re.search(r"[,，。;；]|\s\w+\s\w+\s", rest))


@lru_cache(maxsize=1 << 16)
def heading(line: str) -> Heading | None:
    """The section a short line opens, if it is a heading."""
    text = clean(line)
    if not text or len(text) > 60:
        return None
    numbered = _NUMBERED.match(text)  # `4.QueryParams`, `3.1 Header参数`, `6、请求体`: an outline number
    if numbered:
        text = text[numbered.end():]
    if _RESULT.match(text):
        return Heading(RESPONSE, None, RESULT)
    if _INPUT.match(text):
        return Heading(BODY, media_type(text))
    labelled = re.match(r"^\s*(?:#{1,6}\s|\*\*|<h[1-6])|.*[:：]\s*$", line)
    if text == "返回" and labelled:
        return Heading(RESPONSE)  # `## 返回`, `返回：`; a bare `返回` line is as often a site's back link
    if text in ("参数", "参数列表", "参数说明") and labelled:
        return Heading(BODY)  # `参数:`; bare, the word is as often a table's header cell printed on its own line
    for kind, pattern in _HEADINGS:
        match = pattern.search(text)
        if match and kind in (RESPONSE, BODY) and _is_sentence(text[match.end():]):
            continue  # `状态码为 200 时表示成功,...`: a description that starts with a section word
        if match:
            status = None
            if kind == RESPONSE:
                found = _STATUS.search(text)
                status = found.group(1) if found else None
            return Heading(kind, media_type(text), status)
    status_line = re.match(r"^(\d{3})\s*[:：]?\s*(?:成功|OK|Created|Accepted|No Content|Success|失败|Bad|Unauthorized|"
                           r"Forbidden|Not Found|Error|错误|[\u4e00-\u9fff]{0,6}$)", text)
    if status_line:
        return Heading(RESPONSE, media_type(text), status_line.group(1), _label(text[3:]))
    return None
