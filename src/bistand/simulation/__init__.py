# SPDX-License-Identifier: EUPL-1.2
"""Population runs over the rules core's own formulas, with NumPy. No Django."""
