"""`client.images`: 1 operation of the anyfast."""

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
    async_to_raw_response,
    header_params,
    json_body,
    query_params,
    to_raw_response,
)
from ..models.images import ImagesGenerateResponse


class Images(SyncResource):
    """Operations of `client.images`."""

    @cached_property
    def with_raw_response(self) -> ImagesWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return ImagesWithRawResponse(self)

    def generate(
        self,
        *,
        model: Literal["wan2.7-image-pro", "wan2.7-image"],
        prompt: str,
        image: str | NotGiven = NOT_GIVEN,
        n: int | NotGiven = NOT_GIVEN,
        size: str | NotGiven = NOT_GIVEN,
        enable_sequential: bool | NotGiven = NOT_GIVEN,
        thinking_mode: bool | NotGiven = NOT_GIVEN,
        watermark: bool | NotGiven = NOT_GIVEN,
        seed: int | NotGiven = NOT_GIVEN,
        response_format: Literal["url", "b64_json"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ImagesGenerateResponse:
        """图像生成 / 编辑

        Args:
            model: 模型 ID。wan2.7-image-pro 文生图支持 4K 输出;wan2.7-image 生成速度更快。
            prompt: 图片描述文字,支持中英文,最多 5000 个字符。
            image: 编辑用输入图片 — URL(HTTP/HTTPS)或 Base64 数据 URI(data:{MIME};base64,{data})。 支持格式:JPEG、JPG、PNG(不含透明通道)、BMP、WEBP。单张最大 20 MB,分辨率 240–8000 px,宽高比 1:8–8:1,最多 9 张。
            n: 生成张数。
                关闭组图模式(enable_sequential: false):1–4,默认 1
                开启组图模式(enable_sequential: true):1–12,默认 12
                Defaults to `1` on the server.
            size: 输出分辨率,两种格式(不可混用)
                预设:1K(1024×1024)、2K(2048×2048,默认)、4K(4096×4096,仅 wan2.7-image-pro 文生图)。
                自定义像素:{宽}x{高} — 文生图总像素 768×768–4096×4096,其他模式最大 2048×2048,宽高比 1:8–8:1。
            enable_sequential: 启用组图输出模式。为 true 时,n 表示最大张数,实际数量由模型决定。
                Defaults to `False` on the server.
            thinking_mode: 开启思考模式以提升推理质量。仅在无图片输入且关闭组图模式时生效。
                Defaults to `True` on the server.
            watermark: 是否在生成图片上添加水印。
                Defaults to `False` on the server.
            seed: 随机数种子,用于获得相近结果。相同种子不保证完全一致。
            response_format: 返回图片 URL 或 Base64 编码数据。
                Defaults to `"url"` on the server.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "ImagesGenerateResponse",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/v1/images/generations",
                    cast_to=ImagesGenerateResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "model": model,
                        "prompt": prompt,
                        "image": image,
                        "n": n,
                        "size": size,
                        "enable_sequential": enable_sequential,
                        "thinking_mode": thinking_mode,
                        "watermark": watermark,
                        "seed": seed,
                        "response_format": response_format,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )


class ImagesWithRawResponse:
    """`client.images.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Images) -> None:
        self.generate = to_raw_response(resource.generate)


class AsyncImages(AsyncResource):
    """Operations of `client.images` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncImagesWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncImagesWithRawResponse(self)

    async def generate(
        self,
        *,
        model: Literal["wan2.7-image-pro", "wan2.7-image"],
        prompt: str,
        image: str | NotGiven = NOT_GIVEN,
        n: int | NotGiven = NOT_GIVEN,
        size: str | NotGiven = NOT_GIVEN,
        enable_sequential: bool | NotGiven = NOT_GIVEN,
        thinking_mode: bool | NotGiven = NOT_GIVEN,
        watermark: bool | NotGiven = NOT_GIVEN,
        seed: int | NotGiven = NOT_GIVEN,
        response_format: Literal["url", "b64_json"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ImagesGenerateResponse:
        """图像生成 / 编辑

        Args:
            model: 模型 ID。wan2.7-image-pro 文生图支持 4K 输出;wan2.7-image 生成速度更快。
            prompt: 图片描述文字,支持中英文,最多 5000 个字符。
            image: 编辑用输入图片 — URL(HTTP/HTTPS)或 Base64 数据 URI(data:{MIME};base64,{data})。 支持格式:JPEG、JPG、PNG(不含透明通道)、BMP、WEBP。单张最大 20 MB,分辨率 240–8000 px,宽高比 1:8–8:1,最多 9 张。
            n: 生成张数。
                关闭组图模式(enable_sequential: false):1–4,默认 1
                开启组图模式(enable_sequential: true):1–12,默认 12
                Defaults to `1` on the server.
            size: 输出分辨率,两种格式(不可混用)
                预设:1K(1024×1024)、2K(2048×2048,默认)、4K(4096×4096,仅 wan2.7-image-pro 文生图)。
                自定义像素:{宽}x{高} — 文生图总像素 768×768–4096×4096,其他模式最大 2048×2048,宽高比 1:8–8:1。
            enable_sequential: 启用组图输出模式。为 true 时,n 表示最大张数,实际数量由模型决定。
                Defaults to `False` on the server.
            thinking_mode: 开启思考模式以提升推理质量。仅在无图片输入且关闭组图模式时生效。
                Defaults to `True` on the server.
            watermark: 是否在生成图片上添加水印。
                Defaults to `False` on the server.
            seed: 随机数种子,用于获得相近结果。相同种子不保证完全一致。
            response_format: 返回图片 URL 或 Base64 编码数据。
                Defaults to `"url"` on the server.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "ImagesGenerateResponse",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/v1/images/generations",
                    cast_to=ImagesGenerateResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "model": model,
                        "prompt": prompt,
                        "image": image,
                        "n": n,
                        "size": size,
                        "enable_sequential": enable_sequential,
                        "thinking_mode": thinking_mode,
                        "watermark": watermark,
                        "seed": seed,
                        "response_format": response_format,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )


class AsyncImagesWithRawResponse:
    """`client.images.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncImages) -> None:
        self.generate = async_to_raw_response(resource.generate)

