#!/usr/bin/env bash
# Back up Cruxlog's database before a release migrates it.
#
#   DATABASE_URL=postgresql://user:pass@host:5432/cruxlog app/ops/db-backup.sh [backup-dir]
#
# Writes <backup-dir>/cruxlog-<UTC timestamp>.dump (pg_dump custom format, every module's
# schema) and prints its path. Keep the file until the release is confirmed stable; see
# docs/rollback.md. Needs pg_dump of the server's major version or newer.
set -euo pipefail

: "${DATABASE_URL:?Set DATABASE_URL to the database to back up}"
backup_dir="${1:-${CRUXLOG_BACKUP_DIR:-./backups}}"
mkdir -p "$backup_dir"

# Cruxlog accepts r2dbc: and jdbc: forms too; libpq wants postgresql://.
url="${DATABASE_URL#r2dbc:pool:}"
url="${url#r2dbc:}"
url="${url#jdbc:}"

file="$backup_dir/cruxlog-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --no-owner --no-privileges --file="$file" "$url"
echo "$file"
