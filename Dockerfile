# Vigil in one image: the API (`vigil serve`), workers (`vigil worker`) and, for the compose
# file, Redis itself. Debian's chromium and redis-server, never Playwright's browser download.
FROM debian:bookworm-slim

ENV DEBIAN_FRONTEND=noninteractive \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      python3 python3-venv ca-certificates tini \
      chromium fonts-liberation fonts-noto-color-emoji \
      redis-server \
 && rm -rf /var/lib/apt/lists/*

# Dependencies first, so editing the code does not reinstall them.
WORKDIR /opt/vigil/src
COPY pyproject.toml README.md ./
COPY vigil ./vigil
RUN python3 -m venv /opt/vigil/venv \
 && /opt/vigil/venv/bin/pip install . \
 && rm -rf /opt/vigil/src

COPY docker/entrypoint.sh /usr/local/bin/vigil-entrypoint
RUN chmod 0755 /usr/local/bin/vigil-entrypoint \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin vigil \
 && mkdir -p /data && chown vigil:vigil /data

ENV PATH=/opt/vigil/venv/bin:$PATH \
    VIGIL_DATA_DIR=/data \
    VIGIL_HOST=0.0.0.0 \
    VIGIL_PORT=8000 \
    VIGIL_CHROMIUM_PATH=/usr/bin/chromium \
    VIGIL_LOG_FORMAT=json

USER vigil
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000

# /api/health needs no token; 503 (Redis unreachable) fails the check like no answer does.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python3", "-c", "import os,sys,urllib.request as u; u.urlopen(f\"http://127.0.0.1:{os.environ.get('VIGIL_PORT','8000')}/api/health\", timeout=4); sys.exit(0)"]

ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/vigil-entrypoint"]
CMD ["serve"]
