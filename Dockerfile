# Press Freedom Bot: `docker build -t pressbot .`, then see README.md for `docker run`.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PRESSBOT_DATA=/app/data \
    PRESSBOT_DB=/var/lib/pressbot/pressbot.db \
    PRESSBOT_HEARTBEAT=/tmp/pressbot.heartbeat \
    MPLCONFIGDIR=/tmp/matplotlib

WORKDIR /app

# Dependencies first: installing a stub package resolves them from pyproject.toml, so a
# change to the code reuses this layer instead of reinstalling every dependency.
COPY pyproject.toml README.md ./
RUN mkdir bot && touch bot/__init__.py \
    && pip install --no-cache-dir . \
    && groupadd --system --gid 10001 pressbot \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/pressbot --create-home pressbot

COPY bot ./bot
RUN pip install --no-cache-dir --no-deps --force-reinstall .

COPY data ./data

USER 10001:10001
VOLUME ["/var/lib/pressbot"]
# Webhook mode only (pressbot run --webhook-url … --port 8443); polling needs no port.
EXPOSE 8443

# Healthy while the bot's heartbeat job keeps running and the database answers.
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["pressbot", "health"]

CMD ["pressbot", "run"]
