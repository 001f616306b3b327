# SPDX-License-Identifier: EUPL-1.2
"""Bistånd: ekonomiskt bistånd for Swedish municipalities."""
