"""NHS numbers and phone numbers: the one place their rules live (store, services and screens use it)."""

from __future__ import annotations

import re

NHS_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)
PHONE_CHARS = re.compile(r"^\+?[0-9 ()-]+$")
PHONE_DIGITS = (10, 13)
NHS_NUMBER_RULE = "must be 10 digits, such as 943 476 5919, with a valid check digit"
PHONE_RULE = "must be a phone number of 10 to 13 digits, such as 023 8000 0000 or +44 23 8000 0000"


def nhs_digits(text: str) -> str:
    """The digits of an NHS number as typed ('943 476 5919' -> '9434765919')."""
    return "".join(text.split()).replace("-", "")


def nhs_number_problem(text: str) -> str | None:
    """Why this is not an NHS number (None when it is one: 10 digits, modulus 11 check digit)."""
    digits = nhs_digits(text)
    if len(digits) != 10 or not digits.isdigit():
        return NHS_NUMBER_RULE
    total = sum(int(d) * w for d, w in zip(digits[:9], NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10 or check != int(digits[9]):
        return NHS_NUMBER_RULE
    return None


def format_nhs_number(text: str) -> str:
    """'9434765919' -> '943 476 5919' (the NHS's own grouping)."""
    d = nhs_digits(text)
    return f"{d[:3]} {d[3:6]} {d[6:]}"


def phone_problem(text: str) -> str | None:
    """Why this is not a phone number (None when it looks like one)."""
    value = text.strip()
    digits = sum(c.isdigit() for c in value)
    if not PHONE_CHARS.match(value) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return PHONE_RULE
    return None
