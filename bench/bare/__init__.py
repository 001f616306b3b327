# SPDX-License-Identifier: EUPL-1.2
"""The yardstick for bench/web.sh: a bare Django view that validates a form and inserts a row.

The issue's goal for the re-application is stated against this (about 930 requests/s on the
machines it was written on); measuring it beside Bistånd on the same machine, server and
database gives the ratio, which holds when the machine is slower or faster than that day's.
"""
