"""`client.resource_00d4cbaf`: 1 operation of the 文本 "Text" API \\ {{ title }} 🎉."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, cast

from .._base import (
    NOT_GIVEN,
    AsyncResource,
    Body,
    Headers,
    NotGiven,
    Query,
    RequestOptions,
    SyncResource,
    Timeout,
    _path,
    async_to_raw_response,
    header_params,
    json_body,
    query_params,
    to_raw_response,
)
from ..models.resource_00d4cbaf import Reply


class Resource00d4cbaf(SyncResource):
    """Operations of `client.resource_00d4cbaf`."""

    @cached_property
    def with_raw_response(self) -> Resource00d4cbafWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return Resource00d4cbafWithRawResponse(self)

    def op_94306b2f(
        self,
        param_836ffe0e: str,
        *,
        field_163aec91: str,
        lang_code: str | NotGiven = NOT_GIVEN,
        field_c20dbb2b: bool | NotGiven = NOT_GIVEN,
        role: Literal["用户", "a\"b", 'c\\d', "{{ x }}"] | NotGiven = NOT_GIVEN,
        field_2nd: int | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Reply:
        """发送一条消息 \"\"\" + str(1) + \"\"\" 

        Triple quotes \"\"\" inside, an escape \\x00 \\N{BULLET} \\u202e and {{ config.items() }}.
        `rm -rf /` in backticks, a trailing quote" 

        Args:
            param_836ffe0e: 会话 ID (\"\"\"quoted\"\"\").
            field_163aec91: 正文 ends with a quote" 
            lang_code: a\\b\\\\c
                Defaults to `'zh"CN\\\\'` on the server.
            field_c20dbb2b: \u202ereversed\u202c text
            role: Defaults to `"用户"` on the server.
            field_2nd: Sent as `2nd` in the JSON body.
            note: For example `'a \"\"\" b \\\\ {{ x }} \\u202ec\\u202c'`.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "Reply",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path=f"/对话/{_path(param_836ffe0e)}",
                    cast_to=Reply,
                    response="json",
                    params=query_params({"lang-code": lang_code}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "内容": field_163aec91,
                        "🎉": field_c20dbb2b,
                        "role": role,
                        "2nd": field_2nd,
                        "note": note,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )


class Resource00d4cbafWithRawResponse:
    """`client.resource_00d4cbaf.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Resource00d4cbaf) -> None:
        self.op_94306b2f = to_raw_response(resource.op_94306b2f)


class AsyncResource00d4cbaf(AsyncResource):
    """Operations of `client.resource_00d4cbaf` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncResource00d4cbafWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncResource00d4cbafWithRawResponse(self)

    async def op_94306b2f(
        self,
        param_836ffe0e: str,
        *,
        field_163aec91: str,
        lang_code: str | NotGiven = NOT_GIVEN,
        field_c20dbb2b: bool | NotGiven = NOT_GIVEN,
        role: Literal["用户", "a\"b", 'c\\d', "{{ x }}"] | NotGiven = NOT_GIVEN,
        field_2nd: int | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Reply:
        """发送一条消息 \"\"\" + str(1) + \"\"\" 

        Triple quotes \"\"\" inside, an escape \\x00 \\N{BULLET} \\u202e and {{ config.items() }}.
        `rm -rf /` in backticks, a trailing quote" 

        Args:
            param_836ffe0e: 会话 ID (\"\"\"quoted\"\"\").
            field_163aec91: 正文 ends with a quote" 
            lang_code: a\\b\\\\c
                Defaults to `'zh"CN\\\\'` on the server.
            field_c20dbb2b: \u202ereversed\u202c text
            role: Defaults to `"用户"` on the server.
            field_2nd: Sent as `2nd` in the JSON body.
            note: For example `'a \"\"\" b \\\\ {{ x }} \\u202ec\\u202c'`.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "Reply",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path=f"/对话/{_path(param_836ffe0e)}",
                    cast_to=Reply,
                    response="json",
                    params=query_params({"lang-code": lang_code}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "内容": field_163aec91,
                        "🎉": field_c20dbb2b,
                        "role": role,
                        "2nd": field_2nd,
                        "note": note,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )


class AsyncResource00d4cbafWithRawResponse:
    """`client.resource_00d4cbaf.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncResource00d4cbaf) -> None:
        self.op_94306b2f = async_to_raw_response(resource.op_94306b2f)

