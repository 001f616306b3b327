# SPDX-License-Identifier: EUPL-1.2
"""Amounts in öre written into the rules core's own texts (flags and notes), as Swedish and
English write them: '12 360 kr' and '12,360 kr', with öre only when there are any. The pages
write amounts through `bistand.amounts`, in the reader's language; these texts are built
without Django, so they carry their own two forms."""

NO_BREAK = "\u00a0"


def kronor_sv(ore: int) -> str:
    whole, rest = divmod(abs(ore), 100)
    text = f"{whole:,}".replace(",", NO_BREAK) + (f",{rest:02d}" if rest else "")
    return f"{'−' if ore < 0 else ''}{text}{NO_BREAK}kr"


def kronor_en(ore: int) -> str:
    whole, rest = divmod(abs(ore), 100)
    text = f"{whole:,}" + (f".{rest:02d}" if rest else "")
    return f"{'−' if ore < 0 else ''}{text}{NO_BREAK}kr"
