"""An upload handler that stops reading a file past the import's size limit, and the view
decorator that puts it in place."""

import functools

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.views.decorators.csrf import csrf_exempt, csrf_protect


class SizeLimitUploadHandler(FileUploadHandler):
    """Drop an uploaded file once it passes `limit` bytes and mark the request, so the view
    can say so plainly; the rest of the body is read and thrown away, never stored."""

    def __init__(self, request, limit: int):
        super().__init__(request)
        self.limit = limit

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def limits_upload(limit: int):
    """A view whose uploads stop at `limit` bytes. The handler must be in place before
    anything reads the body, the CSRF check included: so the middleware's check is
    skipped and run here, after the handler is set."""

    def decorate(view):
        protected = csrf_protect(view)

        @csrf_exempt
        @functools.wraps(view)
        def limited(request, *args, **kwargs):
            request.upload_handlers.insert(0, SizeLimitUploadHandler(request, limit))
            return protected(request, *args, **kwargs)

        return limited

    return decorate
