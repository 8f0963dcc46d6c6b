"""The WSGI application that `microcred serve` (waitress) or any WSGI server runs."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microcred.web.settings")

application = get_wsgi_application()
