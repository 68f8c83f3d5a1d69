#!/usr/bin/env bash
# Rebuild every climber's analytics read model from the logbook (issue #17, ADR 0015).
#
#   DATABASE_URL=postgresql://user:pass@host:5432/cruxlog app/ops/rebuild-analytics.sh
#
# Asks for a rebuild; within one check interval (CRUXLOG_ANALYTICS_REBUILD_CHECK_INTERVAL, 1m)
# one running instance claims it and the job queue works through every climber, a page of 50
# per job, each climber in its own short transaction. Pages keep answering meanwhile. Progress:
# the jobs of kind analytics.rebuild-read-model, and analytics.logbook_figure.computed_at.
# A release that changes a classification or grade rule does not need this: it raises
# ReadModelRules.VERSION, and its first start rebuilds.
set -euo pipefail

: "${DATABASE_URL:?Set DATABASE_URL to the database to rebuild}"

# Cruxlog accepts r2dbc: and jdbc: forms too; libpq wants postgresql://.
url="${DATABASE_URL#r2dbc:pool:}"
url="${url#r2dbc:}"
url="${url#jdbc:}"

psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 "$url" \
  -c "UPDATE analytics.read_model_rebuild SET requested_at = now()"
echo "Rebuild requested at $(date -u +%FT%TZ); a running instance starts it within its check interval."
