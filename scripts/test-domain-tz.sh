#!/usr/bin/env bash
# Runs the domain tests under several process time zones; the results must not depend on TZ.
# Usage: scripts/test-domain-tz.sh [extra vitest args]   Exits non-zero if any zone fails.
set -u -o pipefail

cd "$(dirname "$0")/.." || exit 2

zones=(UTC Europe/London America/Santiago Pacific/Apia)
failed=()

if [ ! -x node_modules/.bin/vitest ]; then
  echo "test-domain-tz: node_modules/.bin/vitest not found; run npm install first" >&2
  exit 2
fi

for zone in "${zones[@]}"; do
  echo "=== TZ=${zone} vitest run src/domain"
  # An unknown TZ silently falls back to UTC, which would make this check pass without testing anything.
  seen="$(TZ="${zone}" node -e 'process.stdout.write(Intl.DateTimeFormat().resolvedOptions().timeZone)')"
  if [ "${seen}" != "${zone}" ]; then
    echo "test-domain-tz: Node does not know TZ=${zone} (it reports ${seen})" >&2
    failed+=("${zone}")
    continue
  fi
  if ! TZ="${zone}" node_modules/.bin/vitest run src/domain --reporter=dot "$@"; then
    failed+=("${zone}")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "test-domain-tz: FAILED under: ${failed[*]}" >&2
  exit 1
fi
echo "test-domain-tz: passed under ${zones[*]}"
