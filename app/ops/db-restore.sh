#!/usr/bin/env bash
# Restore a backup made by db-backup.sh, replacing what the database holds now.
#
#   DATABASE_URL=postgresql://user:pass@host:5432/cruxlog app/ops/db-restore.sh backups/cruxlog-....dump
#
# Stop every Cruxlog instance first. Each module schema in the backup is dropped (with
# whatever a bad release added to it) and recreated from the backup, all in a single
# transaction: either the whole restore applies or nothing changes.
set -euo pipefail

: "${DATABASE_URL:?Set DATABASE_URL to the database to restore into}"
file="${1:?Name the .dump file to restore}"
[ -f "$file" ] || { echo "No such backup: $file" >&2; exit 2; }

url="${DATABASE_URL#r2dbc:pool:}"
url="${url#r2dbc:}"
url="${url#jdbc:}"

# Schemas in the backup, from its table of contents ("<id>; <oid> <oid> SCHEMA - <name> <owner>").
schemas=$(pg_restore --list "$file" | awk '$4 == "SCHEMA" && $6 != "public" { print $6 }')

{
  for schema in $schemas; do
    echo "DROP SCHEMA IF EXISTS \"$schema\" CASCADE;"
  done
  pg_restore --no-owner --no-privileges --file=- "$file"
} | psql --quiet --no-psqlrc --single-transaction --set=ON_ERROR_STOP=1 --dbname="$url" >/dev/null

echo "Restored $file"
