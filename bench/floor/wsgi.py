# SPDX-License-Identifier: EUPL-1.2
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "floor.settings")

from bistand.config.wsgi_app import build_application

application = build_application()
