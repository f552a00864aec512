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

# Dependencies first, from pyproject.toml, so code changes reuse this layer.
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir . \
    && groupadd --system --gid 10001 pressbot \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/pressbot --create-home pressbot

COPY data ./data

USER 10001:10001
VOLUME ["/var/lib/pressbot"]

# Healthy while the bot's heartbeat job keeps running and the database answers.
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["pressbot", "health"]

CMD ["pressbot", "run"]
