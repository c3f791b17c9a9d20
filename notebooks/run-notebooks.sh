#!/usr/bin/env bash
# Executes every notebook in place of a reader (jupyter nbconvert --execute), so they cannot rot.
# Called by `mvn verify` after the jar is built. Set CREDITSTRESS_SKIP_NOTEBOOKS=1 to skip.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${CREDITSTRESS_SKIP_NOTEBOOKS:-}" = "1" ]; then
  echo "notebooks: skipped (CREDITSTRESS_SKIP_NOTEBOOKS=1)"
  exit 0
fi
PY=/usr/bin/python3
export PYDEVD_DISABLE_FILE_VALIDATION=1
if ! command -v jupyter >/dev/null 2>&1 || ! "$PY" -c "import pandas, matplotlib, nbconvert, ipykernel" 2>/dev/null; then
  echo "notebooks: jupyter, pandas or matplotlib is missing. Install them once with" >&2
  echo "  sudo apt-get install -y python3-pandas python3-matplotlib jupyter-nbconvert python3-ipykernel" >&2
  echo "or skip the notebooks with CREDITSTRESS_SKIP_NOTEBOOKS=1." >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for nb in *.ipynb; do
  echo "notebooks: executing $nb"
  "$PY" -m jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
    --output-dir "$out" "$nb" >/dev/null
done
echo "notebooks: all executed"
