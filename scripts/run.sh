#!/usr/bin/env bash
# The main job on a fresh machine: set up, ingest every sample into the embedded store
# (SQLite FTS5), then search and count. KIEMTRA_DB_PATH chooses the store (default: per user).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export OMP_THREAD_LIMIT=1
.venv/bin/kiemtra ingest samples/ --progress
echo
echo '$ kiemtra search "phiếu hẹn"'
.venv/bin/kiemtra search "phiếu hẹn"
echo
echo '$ kiemtra stats'
.venv/bin/kiemtra stats
