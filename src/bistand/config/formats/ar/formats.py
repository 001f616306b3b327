# SPDX-License-Identifier: EUPL-1.2
"""Arabic pages write amounts as Swedish ones do (Django's `ar` has no grouping and a point
between thousands, which a reader used to Swedish documents takes for a decimal point):
'12 360' and '1 234,50'. A non-breaking space is a common number separator to the bidirectional
algorithm, so the grouped figure stays one number in right-to-left text. Everything else comes
from Django's `ar` formats."""

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
