"""`client.files`: 3 operations of the Transport."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, cast

from .._base import (
    NOT_GIVEN,
    AsyncResource,
    Body,
    FileInput,
    Headers,
    NotGiven,
    Query,
    RequestOptions,
    SyncResource,
    Timeout,
    _path,
    async_to_raw_response,
    file_parts,
    form_fields,
    header_params,
    query_params,
    to_raw_response,
)
from ..models.files import File


class Files(SyncResource):
    """Operations of `client.files`."""

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return FilesWithRawResponse(self)

    def upload_file(
        self,
        project_id: str,
        *,
        file: FileInput,
        purpose: Literal["assistants", "vision"],
        thumbnails: list[FileInput] | NotGiven = NOT_GIVEN,
        metadata: dict[str, str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> File:
        """`POST /projects/{project-id}/files`

        Args:
            project_id: The `project-id` part of the path.
            file: The file to upload.
            purpose: Sent as the `purpose` form field.
            thumbnails: Sent as the `thumbnails` file part.
            metadata: Sent as the `metadata` form field.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "File",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path=f"/projects/{_path(project_id)}/files",
                    cast_to=File,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    data=form_fields({"purpose": purpose, "metadata": metadata}, extra_body),
                    files=file_parts({"file": file, "thumbnails": thumbnails}),
                    timeout=timeout,
                ),
            ),
        )

    def download_file(
        self,
        file_id: int,
        *,
        project_id: str,
        range: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> bytes:
        """`GET /projects/{project-id}/files/{file_id}`

        Args:
            file_id: The `file_id` part of the path.
            project_id: The `project-id` part of the path.
            range: Sent as the `Range` header.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "bytes",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/projects/{_path(project_id)}/files/{_path(file_id)}",
                    cast_to=None,
                    response="bytes",
                    params=query_params({}, extra_query),
                    headers=header_params({"Range": range}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    def delete_file(
        self,
        file_id: int,
        *,
        project_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """`DELETE /projects/{project-id}/files/{file_id}`

        Args:
            file_id: The `file_id` part of the path.
            project_id: The `project-id` part of the path.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "None",
            self._client.request(
                RequestOptions(
                    method="DELETE",
                    path=f"/projects/{_path(project_id)}/files/{_path(file_id)}",
                    cast_to=None,
                    response="none",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class FilesWithRawResponse:
    """`client.files.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Files) -> None:
        self.upload_file = to_raw_response(resource.upload_file)
        self.download_file = to_raw_response(resource.download_file)
        self.delete_file = to_raw_response(resource.delete_file)


class AsyncFiles(AsyncResource):
    """Operations of `client.files` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncFilesWithRawResponse(self)

    async def upload_file(
        self,
        project_id: str,
        *,
        file: FileInput,
        purpose: Literal["assistants", "vision"],
        thumbnails: list[FileInput] | NotGiven = NOT_GIVEN,
        metadata: dict[str, str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> File:
        """`POST /projects/{project-id}/files`

        Args:
            project_id: The `project-id` part of the path.
            file: The file to upload.
            purpose: Sent as the `purpose` form field.
            thumbnails: Sent as the `thumbnails` file part.
            metadata: Sent as the `metadata` form field.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "File",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path=f"/projects/{_path(project_id)}/files",
                    cast_to=File,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    data=form_fields({"purpose": purpose, "metadata": metadata}, extra_body),
                    files=file_parts({"file": file, "thumbnails": thumbnails}),
                    timeout=timeout,
                ),
            ),
        )

    async def download_file(
        self,
        file_id: int,
        *,
        project_id: str,
        range: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> bytes:
        """`GET /projects/{project-id}/files/{file_id}`

        Args:
            file_id: The `file_id` part of the path.
            project_id: The `project-id` part of the path.
            range: Sent as the `Range` header.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "bytes",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/projects/{_path(project_id)}/files/{_path(file_id)}",
                    cast_to=None,
                    response="bytes",
                    params=query_params({}, extra_query),
                    headers=header_params({"Range": range}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    async def delete_file(
        self,
        file_id: int,
        *,
        project_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """`DELETE /projects/{project-id}/files/{file_id}`

        Args:
            file_id: The `file_id` part of the path.
            project_id: The `project-id` part of the path.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "None",
            await self._client.request(
                RequestOptions(
                    method="DELETE",
                    path=f"/projects/{_path(project_id)}/files/{_path(file_id)}",
                    cast_to=None,
                    response="none",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncFilesWithRawResponse:
    """`client.files.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncFiles) -> None:
        self.upload_file = async_to_raw_response(resource.upload_file)
        self.download_file = async_to_raw_response(resource.download_file)
        self.delete_file = async_to_raw_response(resource.delete_file)

