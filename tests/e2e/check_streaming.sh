#!/bin/sh
# `evgraph extract` writes each document's line as soon as the document is done,
# so that a pipeline sees output before the end: given a file and then standard
# input (held open), the file's line must be out before standard input closes.
#   sh check_streaming.sh path/to/evgraph ARTICLE.txt
set -eu
evgraph=$1
article=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/in"

"$evgraph" extract "$article" - <"$tmp/in" >"$tmp/out" &
pid=$!
exec 3>"$tmp/in" # the writing end: stays open until the check is done
i=0
while [ ! -s "$tmp/out" ] && [ "$i" -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
before=$(wc -l <"$tmp/out")
cat "$article" >&3
exec 3>&-
wait "$pid"
after=$(wc -l <"$tmp/out")

if [ "$before" -ne 1 ] || [ "$after" -ne 2 ]; then
    echo "expected 1 line while standard input was open and 2 at the end;" \
         "got $before and $after" >&2
    exit 1
fi
echo "1 line before standard input closed, 2 at the end"
