#!/usr/bin/env bash
# Build the bundled plan with the code of two git revisions and compare every output byte for
# byte: interim/extracted.json, every file in curated/ and in reports/ (charts included).
# A restructuring must leave them identical; any difference is printed and exits 1.
#
#   scripts/compare-outputs.sh [BASE [HEAD]]   BASE defaults to main, HEAD to the working tree
#
# Each revision's src/ and templates/ are exported with `git archive` into a temporary folder
# and run with the project's .venv, so nothing in the checkout or its git state is touched.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
python="$root/.venv/bin/python"
base=${1:-main}
head=${2:-}
pdf=$(ls "$root"/data/raw/*.pdf | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export_tree() {  # export_tree REV DEST: the revision's src/ and templates/ (REV "" = working tree)
    mkdir -p "$2"
    if [ -z "$1" ]; then
        cp -r "$root/src" "$2/"
    else
        # templates/ beside src/ in revisions before the templates became package data
        git -C "$root" archive "$1" src $(git -C "$root" ls-tree --name-only "$1" templates) \
            | tar -x -C "$2"
    fi
    find "$2" -name __pycache__ -prune -exec rm -rf {} +
}

build_with() {  # build_with TREE: build the bundled plan into TREE/out with TREE's code
    mkdir -p "$1/out/data/raw"
    cp "$pdf" "$1/out/data/raw/"
    (cd "$1" && "$python" -c '
import sys
sys.path.insert(0, "src")
import hammplan
assert hammplan.__file__.startswith(sys.argv[1]), hammplan.__file__
from hammplan.cli import main
sys.argv = ["hammplan", "build", "--data-dir", "out/data", "--out", "out/reports"]
main()
' "$1/src") >"$1/build.log" 2>&1 || {
        status=$?
        if [ "$status" -ne 1 ]; then  # 1: the plan has error findings, which is content
            cat "$1/build.log" >&2
            echo "Error: build with $1 failed (exit $status)" >&2
            exit 2
        fi
    }
}

export_tree "$base" "$work/base"
export_tree "$head" "$work/head"
build_with "$work/base"
build_with "$work/head"

status=0
for part in data/interim/extracted.json data/curated reports; do
    if ! diff -r "$work/base/out/$part" "$work/head/out/$part" >"$work/diff.txt"; then
        echo "DIFFERENT: $part" >&2
        head -n 40 "$work/diff.txt" >&2
        status=1
    fi
done
count=$( (cd "$work/head/out" && find data/interim/extracted.json data/curated reports -type f) | wc -l)
if [ "$status" -eq 0 ]; then
    echo "identical: $count files (extracted.json, curated/, reports/) of ${base} and ${head:-the working tree}"
fi
exit "$status"
