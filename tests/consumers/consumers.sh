#!/usr/bin/env bash
# The consumer checks of the files evgraph writes (run by ctest):
#   consumers.sh setup    SHARED_CONSUMERS COPY        copy the checks, npm ci in the copy
#   consumers.sh validate SHARED_CONSUMERS FILE|DIR... schema validation (validate.sh)
#   consumers.sh matrix   COPY FILE|DIR...             every consumer (consumer_matrix.py)
#   consumers.sh lint     LINT_SCRIPT FILE|DIR...      Gephi column and timeline rules
#   consumers.sh json     CHECKS COPY FILE|DIR...      NetworkX and graphology load the JSON
#   consumers.sh csv      CHECKS FILE|DIR...           the CSV tables, as Python and Gephi read them
#   consumers.sh agree    CHECKS DIR...                every format holds the same graph
# A DIR stands for the files in it of the kind checked (GraphML and GEXF for
# validate, matrix and lint; *.json; *.nodes.csv); a DIR written with a
# trailing slash is optional (graphs/ may not exist yet). Any other path must
# exist. CHECKS is this folder (formats_check.py, json_graphology.js).
# Exit 77 (ctest: skipped) with a message when a prerequisite is missing.
set -u

skip() { echo "SKIP: $*"; exit 77; }
need() { command -v "$1" >/dev/null 2>&1 || skip "$1 not found; $2"; }
need_python() {
  [ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not found"
  /usr/bin/python3 -c 'import networkx' 2>/dev/null || skip "install Debian's python3-networkx"
}

# The files named by the arguments, directories expanded to files matching $patterns.
files=()
collect() {
  local a f p
  for a in "$@"; do
    if [ -d "$a" ]; then
      for p in $patterns; do
        for f in "${a%/}"/$p; do [ -e "$f" ] && files+=("$f"); done
      done
    elif [ "${a%/}" != "$a" ]; then
      echo "note: $a does not exist; nothing checked there"
    else
      files+=("$a")
    fi
  done
  [ "${#files[@]}" -gt 0 ] || { echo "no files to check"; exit 1; }
}

patterns="*.graphml *.gexf"
mode="${1:-}"
shift || true
case "$mode" in
  setup)
    shared="$1" copy="$2"
    [ -f "$shared/consumer_matrix.py" ] || skip "$shared not found (the shared consumer checks sit beside the checkout; set EVG_SHARED_DIR)"
    need node "install Debian's nodejs to run the graphology checks"
    need npm "install Debian's npm to fetch graphology"
    mkdir -p "$copy" || exit 1
    # The shared folder is read-only; the copy must be writable for npm.
    cp -R --no-preserve=mode,ownership "$shared"/. "$copy"/ || exit 1
    if cmp -s "$copy/package-lock.json" "$copy/node_modules/.evg-package-lock.json"; then
      echo "node modules up to date in $copy"
      exit 0
    fi
    (cd "$copy" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $copy"; exit 1; }
    cp "$copy/package-lock.json" "$copy/node_modules/.evg-package-lock.json"
    ;;
  validate)
    shared="$1"; shift
    [ -f "$shared/validate.sh" ] || skip "$shared not found (set EVG_SHARED_DIR)"
    need xmllint "install Debian's libxml2-utils"
    need perl "validate.sh needs perl"
    collect "$@"
    bash "$shared/validate.sh" "${files[@]}"
    ;;
  matrix)
    copy="$1"; shift
    [ -f "$copy/consumer_matrix.py" ] || skip "no copy of the consumer checks in $copy (consumers.setup skipped)"
    [ -d "$copy/node_modules/graphology" ] || skip "graphology not installed in $copy (consumers.setup skipped)"
    need node "install Debian's nodejs"
    need xmllint "install Debian's libxml2-utils"
    need_python
    /usr/bin/python3 -c 'import igraph' 2>/dev/null || skip "install Debian's python3-igraph"
    collect "$@"
    /usr/bin/python3 "$copy/consumer_matrix.py" "${files[@]}"
    ;;
  lint)
    script="$1"; shift
    command -v python3 >/dev/null 2>&1 || skip "python3 not found"
    collect "$@"
    python3 "$script" "${files[@]}"
    ;;
  json)
    checks="$1" copy="$2"; shift 2
    need_python
    patterns="*.json"
    collect "$@"
    /usr/bin/python3 "$checks/formats_check.py" json "${files[@]}" || exit 1
    [ -d "$copy/node_modules/graphology" ] || skip "NetworkX passed; graphology not installed in $copy (consumers.setup skipped)"
    need node "install Debian's nodejs"
    node "$checks/json_graphology.js" "$copy/node_modules" "${files[@]}"
    ;;
  csv)
    checks="$1"; shift
    need_python
    patterns="*.nodes.csv"
    collect "$@"
    /usr/bin/python3 "$checks/formats_check.py" csv "${files[@]}"
    ;;
  agree)
    checks="$1"; shift
    need_python
    /usr/bin/python3 "$checks/formats_check.py" agree "$@"
    ;;
  *)
    echo "usage: consumers.sh setup|validate|matrix|lint|json|csv|agree ARGS..." >&2
    exit 2
    ;;
esac
