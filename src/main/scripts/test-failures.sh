#!/usr/bin/env bash
# After a failed `make test`: what each failed test class printed (its log goes to a file, not to the console),
# so a CI log alone says why. Surefire writes target/surefire-reports/<class>.txt and <class>-output.txt.
set -uo pipefail
reports="${1:-target/surefire-reports}"
[ -d "$reports" ] || exit 0
for summary in "$reports"/*.txt; do
  case "$summary" in *-output.txt) continue ;; esac
  grep -q -E '<<< (FAILURE|ERROR)!' "$summary" || continue
  class="$(basename "$summary" .txt)"
  output="$reports/$class-output.txt"
  echo "==== $class failed; the last 150 lines it printed ($output):"
  if [ -f "$output" ]; then tail -n 150 "$output"; else echo "(it printed nothing)"; fi
  # A drill test's failure names the drill's own log (a child JVM's output): print it too, it holds the verdict's figures.
  for log in $(grep -o -E 'target/drill-test-logs/[^) ]+\.log' "$summary" | sort -u); do
    [ -f "$log" ] || continue
    echo "==== the drill log $class names, its last 120 lines ($log):"
    tail -n 120 "$log"
  done
done
