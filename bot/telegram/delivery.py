"""Delivery that survives a flaky Bot API: the rate limiter, plus retries of transient faults.

python-telegram-bot's :class:`AIORateLimiter` keeps sends under Telegram's limits and
retries 429 answers after their ``retry_after``.  A reply can also be lost to a timeout, a
reset connection or a 5xx from the Bot API; those are transient, so the same request is
tried again after a short back-off.  Refusals (400 Bad Request, 403 Forbidden) are final
and are raised at once.  Polling is left alone: the updater already retries getUpdates.

A request that timed out may have reached Telegram: retrying it can, rarely, show a reply
twice.  We prefer that to a question left without an answer.  Release alerts are the
exception: they are delivered at most once (:func:`at_most_once`), so a send whose outcome
is unknown is never tried again; only one that surely did not reach Telegram is.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]

_AT_MOST_ONCE: ContextVar[bool] = ContextVar("at_most_once", default=False)


@contextmanager
def at_most_once() -> Iterator[None]:
    """Inside, a send that may have reached Telegram is not tried again (the caller learns
    of the failure and decides: see :func:`never_sent`)."""
    token = _AT_MOST_ONCE.set(True)
    try:
        yield
    finally:
        _AT_MOST_ONCE.reset(token)


def never_sent(error: NetworkError) -> bool:
    """Whether a failed request surely never reached Telegram: no connection was made (a
    refused or timed-out connect, no free connection in the pool).  A timeout after the
    request was written, a reset, a 5xx: it may have."""
    cause = error.__cause__
    return isinstance(cause, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


class RetryingRateLimiter(AIORateLimiter):
    """:class:`AIORateLimiter` that also retries timeouts, resets and 5xx answers."""

    def __init__(self, *, network_retries: int = 3, backoff: float = 0.25, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.network_retries = network_retries
        self.backoff = backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        attempt = 0
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except BadRequest:
                raise  # a refusal, not a fault: sending it again gives the same answer
            except NetworkError as exc:
                if endpoint == "getUpdates" or attempt >= self.network_retries:
                    raise
                if _AT_MOST_ONCE.get() and not never_sent(exc):
                    raise
                delay = self.backoff * 2**attempt
                attempt += 1
                log.warning("%s failed (%s); retry %d in %.1f s", endpoint, exc, attempt, delay)
                await asyncio.sleep(delay)
