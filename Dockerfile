# workshop-bot: the Telegram bot in a container (non-root, state in the /data volume).
#   docker build -t workshop-bot .
#   docker run -d --name workshop-bot -e TELEGRAM_BOT_TOKEN=... -v workshop-bot-data:/data workshop-bot
# See docs/DEPLOY.md for webhooks behind a reverse proxy, backups and upgrades.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    WORKSHOP_BOT_DATA_DIR=/data

WORKDIR /app
# dependencies first, so a content change does not reinstall them
COPY pyproject.toml README.md ./
COPY bot/__init__.py bot/__init__.py
COPY corpus/__init__.py corpus/__init__.py
COPY index/__init__.py index/__init__.py
COPY faq/__init__.py faq/__init__.py
COPY scheduler/__init__.py scheduler/__init__.py
RUN pip install -e .
COPY bot bot
COPY corpus corpus
COPY index index
COPY faq faq
COPY scheduler scheduler
COPY config.example.yaml ./

RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin bot \
    && mkdir -p /data \
    && chown bot /data
USER bot
VOLUME /data

# the running bot rewrites its heartbeat every 30 s; stale after 120 s
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["workshop-bot", "health"]

# `run` serves Telegram (long polling; add --webhook URL --listen 0.0.0.0 --port 8443 for a
# webhook). Without TELEGRAM_BOT_TOKEN it stops with a one-line message.
ENTRYPOINT ["workshop-bot"]
CMD ["run"]
