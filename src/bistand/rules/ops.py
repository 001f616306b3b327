# SPDX-License-Identifier: EUPL-1.2
"""The few element-wise operations the rule formulas need, for one household at a time.

Every formula takes an `xp` argument: `SCALAR` here for one household, NumPy's functions in
`bistand.simulation` for arrays of households. Tables are indexed with `table[index]`, which
works for a tuple and an int as for an array and an index array. So each rule is written once.
"""

from typing import Any, Protocol


class Ops(Protocol):
    def where(self, condition: Any, if_true: Any, if_false: Any) -> Any: ...
    def minimum(self, a: Any, b: Any) -> Any: ...
    def maximum(self, a: Any, b: Any) -> Any: ...


class ScalarOps:
    @staticmethod
    def where(condition: Any, if_true: Any, if_false: Any) -> Any:
        return if_true if condition else if_false

    @staticmethod
    def minimum(a: Any, b: Any) -> Any:
        return a if a <= b else b

    @staticmethod
    def maximum(a: Any, b: Any) -> Any:
        return a if a >= b else b


SCALAR = ScalarOps()
