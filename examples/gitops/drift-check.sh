#!/bin/sh
# Drift check of a Pulumi stack (pulumi-ipsec connections, and any other resource in it).
#
# Usage: drift-check.sh [pulumi options...]     e.g.  drift-check.sh --stack acme/prod --cwd infra
#
# Runs `pulumi preview --refresh --expect-no-changes --diff` with the options given, sends pulumi's own
# output to stderr (the CI log) and prints a report on stdout:
#   no drift                                        nothing differs
#   drift: <name> (<id>): <field>                   one line per field the provider reports as changed
#                                                   (its "pulumi-ipsec: <id> differs in <fields>" lines)
#   drift: <name>: pulumi up would <op> it          a step the preview proposes that no field line explains,
#                                                   e.g. a connection deleted in the console (op: create)
#   error: <message>                                the CLI's error lines when the check could not run
#
# Exit status:
#   0  no drift
#   1  drift: pulumi exited 7, "no changes were expected but changes were proposed"
#      (ExitNoChanges in pkg/cmd/pulumi/cmd/exit_codes.go of pulumi/pulumi, CLI 3.227 and newer)
#   2  error: any other non-zero exit of pulumi (bad credentials, unknown stack, network, ...),
#      or pulumi not found; never reported as drift
#
# Environment: PULUMI (default: pulumi) is the CLI to run. When GITHUB_STEP_SUMMARY names a file (GitHub
# Actions sets it), the report is appended to it as Markdown.
set -u

PULUMI=${PULUMI:-pulumi}
if ! command -v "$PULUMI" >/dev/null 2>&1; then
    echo "error: $PULUMI not found on PATH (install the Pulumi CLI, or set PULUMI to its path)"
    exit 2
fi

log=$(mktemp) || exit 2
report=$(mktemp) || exit 2
trap 'rm -f "$log" "$report"' EXIT

"$PULUMI" preview --refresh --expect-no-changes --diff --non-interactive --color never --suppress-progress "$@" >"$log" 2>&1
code=$?
cat "$log" >&2

case $code in
0)
    echo "no drift" >"$report"
    status=0
    ;;
7)
    # --diff prints each step as a header "<sign> <type>: (<op>)" followed by "[id=…]" (resources that
    # exist) and "[urn=…::<name>]"; the provider's field lines may appear anywhere in the output.
    awk '
        function tidy(s) { sub(/\r$/, "", s); sub(/[ \t]+$/, "", s); return s }
        {
            line = tidy($0)
            if (match(line, /pulumi-ipsec: [^ ]+ differs in /)) {
                rest = substr(line, RSTART + length("pulumi-ipsec: "))
                id = rest; sub(/ .*/, "", id)
                fields = rest; sub(/^[^ ]+ differs in /, "", fields)
                n = split(fields, f, /, */)
                for (i = 1; i <= n; i++) {
                    if (f[i] == "" || ((id, f[i]) in seen)) continue
                    seen[id, f[i]] = 1
                    findings[++nf] = id SUBSEP f[i]
                }
                explained[id] = 1
                next
            }
            if (line ~ /^ *[-+~<>=*]* *[^ ]+: \([a-z-]+\)$/) {
                op = line; sub(/.*: \(/, "", op); sub(/\)$/, "", op)
                type = line; sub(/^ *[-+~<>=*]* */, "", type); sub(/: \([a-z-]+\)$/, "", type)
                id = ""; header = 1
                next
            }
            if (header && line ~ /^ *\[id=.*\]$/) { id = line; sub(/^ *\[id=/, "", id); sub(/\]$/, "", id); next }
            if (header && line ~ /^ *\[urn=.*\]$/) {
                header = 0
                name = line; sub(/\]$/, "", name); sub(/.*::/, "", name)
                if (id != "") nameOf[id] = name
                if (op == "same" || op == "refresh" || op == "read" || type ~ /^pulumi:(pulumi|providers):/) next
                if (name in proposed) next
                proposed[name] = op; idOf[name] = id; steps[++ns] = name
            }
        }
        END {
            for (i = 1; i <= nf; i++) {
                split(findings[i], p, SUBSEP)
                print "drift: " ((p[1] in nameOf) ? nameOf[p[1]] " (" p[1] ")" : p[1]) ": " p[2]
            }
            for (i = 1; i <= ns; i++) {
                name = steps[i]
                if (idOf[name] != "" && (idOf[name] in explained)) continue
                op = proposed[name]
                if (op ~ /replace/) op = "replace"
                print "drift: " name ": pulumi up would " op " it"
            }
            if (nf + ns == 0) print "drift: the preview proposes changes (see its output above)"
        }
    ' "$log" >"$report"
    status=1
    ;;
*)
    # The CLI's own error lines, each once, in order; never the provider's field lines, which a failed
    # preview may have printed for the connections it could still read.
    sed -n 's/^[[:space:]]*\(error: .*[^[:space:]]\)[[:space:]]*$/\1/p' "$log" | awk '!seen[$0]++' >"$report"
    if [ ! -s "$report" ]; then
        echo "error: pulumi exited with status $code: $(grep -v '^[[:space:]]*$' "$log" | tail -n 1)" >"$report"
    fi
    status=2
    ;;
esac

cat "$report"

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    case $status in
    0) verdict="no drift" ;;
    1) verdict="drift detected" ;;
    *) verdict="drift check failed to run (this is not drift)" ;;
    esac
    {
        echo "### pulumi-ipsec drift check: $verdict"
        echo
        echo '```text'
        cat "$report"
        echo '```'
    } >>"$GITHUB_STEP_SUMMARY"
fi

exit $status
