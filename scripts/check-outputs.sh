#!/usr/bin/env bash
# Fail unless the published outputs are there and complete: reports/index.html and
# data/curated/plan.json (what the scheduled job uploads), and every file each folder's
# manifest (.hammplan-files.json, written last by hammplan) names; no commit left half done.
# Usage: scripts/check-outputs.sh [DATA_DIR] [REPORTS_DIR]
set -euo pipefail
data="${1:-data}"
reports="${2:-reports}"
status=0
for file in "$reports/index.html" "$reports/report.md" "$data/curated/plan.json" \
            "$data/curated/datapackage.json"; do
    if [ ! -s "$file" ]; then
        echo "Error: $file is missing or empty: the build did not publish its outputs" >&2
        status=1
    fi
done
for folder in "$data/curated" "$reports"; do
    manifest="$folder/.hammplan-files.json"
    if [ ! -s "$manifest" ]; then
        echo "Error: $manifest is missing: $folder holds no complete set of outputs" >&2
        status=1
        continue
    fi
    if [ -e "$folder/.hammplan-commit.json" ]; then
        echo "Error: $folder: a commit was left half done; run the build again" >&2
        status=1
    fi
    while IFS= read -r name; do
        if [ ! -s "$folder/$name" ]; then
            echo "Error: $folder/$name is missing, though the manifest names it" >&2
            status=1
        fi
    done < <(sed -n 's/^ *"\([^"]*\)",\{0,1\}$/\1/p' "$manifest")
done
exit $status
