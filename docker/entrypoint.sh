#!/usr/bin/env bash
# Container entrypoint: `serve`, `worker`, `apply …` and every other vigil command run as
# `vigil <command>`; anything else (redis-server, bash) runs as given. Checks the data volume
# first, because a volume mounted read-only or owned by root fails later in a confusing way.
set -euo pipefail

data_dir="${VIGIL_DATA_DIR:-/data}"

vigil_command() {
  case "${1:-}" in
    serve|worker|run|plan|tests|apply|export|--help|-h|"") return 0 ;;
    *) return 1 ;;
  esac
}

if [ "$#" -eq 0 ]; then
  set -- serve
fi

if vigil_command "$1"; then
  if ! mkdir -p "$data_dir" 2>/dev/null || [ ! -w "$data_dir" ]; then
    echo "vigil-entrypoint: data directory $data_dir is not writable by uid $(id -u);" \
         "mount a volume owned by it (chown $(id -u) on the host)" >&2
    exit 1
  fi
  exec vigil "$@"
fi

exec "$@"
