# SPDX-License-Identifier: EUPL-1.2
"""The production settings with one more URL in front: the send's address answered by a view
that sends nothing (bench/floor/urls.py). Served by bench/web.sh beside the real server."""

from bistand.config.settings.production import *  # noqa: F403

ROOT_URLCONF = "floor.urls"
