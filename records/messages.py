"""Messages said by an htmx action arrive with its answer.

A view that answers an htmx request with a fragment still says what it did through
`django.contrib.messages` ("Claim saved for Lin Jian"). Left in the session, that message
came out on whatever full page the researcher opened next, long after and out of place.
Here an htmx answer that replaces part of the page takes the messages with it, swapped
out of band into the page's message region; an answer that sends the browser elsewhere
(a redirect, `HX-Redirect`, `HX-Location`, `HX-Refresh`) leaves them for the page it
leads to.
"""

from django.contrib import messages
from django.template.loader import render_to_string

LEAVES_THE_PAGE = ("HX-Redirect", "HX-Location", "HX-Refresh")


class HtmxMessagesMiddleware:
    """Listed after MessageMiddleware, so that what it takes is not stored again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "htmx", False) or not self._swaps_in_place(response):
            return response
        queued = list(messages.get_messages(request))
        if queued:
            region = render_to_string(
                "includes/messages.html", {"messages": queued, "oob": True}, request=request
            )
            response.content += region.encode(response.charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response

    @staticmethod
    def _swaps_in_place(response) -> bool:
        return (
            not response.streaming
            and not 300 <= response.status_code < 400
            and response.get("Content-Type", "").startswith("text/html")
            and not any(response.has_header(name) for name in LEAVES_THE_PAGE)
        )
