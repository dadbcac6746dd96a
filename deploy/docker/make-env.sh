#!/usr/bin/env bash
# Makes .env for docker-compose from .env.example, with a new random value for every secret (the
# variables marked "# secret", which the example leaves empty). An existing .env is kept: only the
# variables it lacks are added, so run this again after an upgrade that brings new ones. It prints the
# names of what it added, never a value, and warns about secrets that look like someone's default.
#
#   deploy/docker/make-env.sh              # .env beside docker-compose.yml
#   deploy/docker/make-env.sh other.env    # elsewhere
#
# Secrets are 64 hexadecimal characters (256 random bits): letters and digits only, so they fit into
# URIs and JAAS configurations unescaped. Needs only bash, od, tr, date and awk (Linux and macOS).
set -euo pipefail
umask 077

root=$(cd "$(dirname "$0")/../.." && pwd)
example=${ENV_EXAMPLE:-$root/.env.example}
target=${1:-$root/.env}

# random bits for up to 32 secrets, read at once
pool=$(od -An -v -N2048 -tx1 /dev/urandom | tr -d ' \n')

if [[ ! -e "$target" ]]; then
	awk -v pool="$pool" '
		previous == "# secret" && /^[A-Z][A-Z0-9_]*=$/ {
			name = substr($0, 1, length($0) - 1)
			$0 = $0 substr(pool, made++ * 64 + 1, 64)
			names = names " " name
		}
		{ print; previous = $0 }
		END { print "made with new secrets:" names > "/dev/stderr" }
	' "$example" > "$target"
	chmod 600 "$target"
	echo "now set the instance's own values in $target (instance, organisation, public URLs, SMTP)" >&2
	exit 0
fi

awk -v pool="$pool" -v target="$target" -v today="$(date +%Y-%m-%d)" '
	FILENAME == ARGV[1] {
		if (match($0, /^[A-Z][A-Z0-9_]*=/)) {
			present[substr($0, 1, RLENGTH - 1)] = substr($0, RLENGTH + 1)
		}
		next
	}
	/^[A-Z][A-Z0-9_]*=/ {
		name = substr($0, 1, index($0, "=") - 1)
		secret = previous == "# secret"
		if (!(name in present)) {
			if (added == "") {
				print "\n# added by deploy/docker/make-env.sh on " today >> target
			}
			if (secret) {
				print name "=" substr(pool, made++ * 64 + 1, 64) >> target
			}
			else {
				print $0 >> target
			}
			added = added " " name
		}
		else if (secret && (length(present[name]) < 24 || present[name] ~ /^(demo|local|Local)/)) {
			print "WARNING: " name " in " target " is short or a known local-development value: replace it" \
				" (docs/operations.md, \"Rotate secrets\")" > "/dev/stderr"
		}
	}
	{ previous = $0 }
	END {
		if (added == "") print target " has every variable of the example"
		else print "added to " target ":" added
	}
' "$target" "$example"
