#!/usr/bin/env bash
# Every test on a fresh machine: set up (system packages, .venv), check the layers
# (import-linter), types (mypy over packages and tests) and lint (ruff, line length enforced),
# fetch and start a real single-node Elasticsearch, run the whole suite with no skips allowed,
# stop Elasticsearch.
set -euo pipefail
cd "$(dirname "$0")/.."
KIEMTRA_FOR_TESTS=1 ./scripts/setup.sh
export OMP_THREAD_LIMIT=1
.venv/bin/lint-imports
.venv/bin/mypy
.venv/bin/ruff check .
./scripts/elasticsearch.sh start
trap './scripts/elasticsearch.sh stop' EXIT
export KIEMTRA_ES_URL="${KIEMTRA_ES_URL:-http://127.0.0.1:${KIEMTRA_ES_PORT:-9200}}"
export KIEMTRA_REQUIRE_ES=1 KIEMTRA_NO_SKIPS=1
.venv/bin/python -m pytest -q -rs -p no:cacheprovider "$@"
