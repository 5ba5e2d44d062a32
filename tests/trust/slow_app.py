"""A WSGI app with a request that never ends in time, to try the server's time limit on
(gunicorn.conf.py): `/slow` sleeps a minute, anything else answers at once with the pid."""

import os
import time


def application(environ, start_response):
    if environ["PATH_INFO"] == "/slow":
        time.sleep(60)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]
