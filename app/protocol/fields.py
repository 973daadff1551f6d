"""Bounded field types for payload models: no NUL characters, lengths and numbers limited."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.protocol.limits import CODE_MAX, INT_MAX, NAME_MAX, TEXT_MAX


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


Name = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(_no_nul)]
RequiredName = Annotated[str, Field(min_length=1, max_length=NAME_MAX), AfterValidator(_no_nul)]
Text = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(_no_nul)]
Code = Annotated[str, Field(max_length=CODE_MAX), AfterValidator(_no_nul)]
Count = Annotated[int, Field(ge=0, le=INT_MAX)]
When = Annotated[dt.datetime, AfterValidator(_aware)]
Hash = Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")]


class Payload(BaseModel):
    """Base of every payload model: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
