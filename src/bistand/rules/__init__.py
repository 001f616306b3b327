# SPDX-License-Identifier: EUPL-1.2
"""The rules core: försörjningsstöd for a household and a month, explained line by line.

Pure Python; never imports Django (an import-linter contract enforces it).
"""
