#!/usr/bin/env bash
# docker-compose's one-off job kafka-setup: the topics, the users and their permissions of the compose
# file's Kafka, from topics.conf and users.conf beside this script.
#
# It runs in the broker's network namespace and speaks to the broker's loopback listener BROKER
# (localhost:9094), which only processes of the broker's own container can reach: Kafka takes their
# connections for its administrator (super.users=User:ANONYMOUS; the only unauthenticated listeners,
# BROKER and CONTROLLER, are bound to 127.0.0.1). The services reach the broker only through the
# CLIENT listener, with their SCRAM user. Safe to run any number of times; every `docker compose up`
# runs it again, so a password changed in .env is taken over then.
#
#   1. creates the topics of topics.conf that are missing, and sets their configuration where it differs
#   2. sets every user's SCRAM-SHA-512 password from <USER>_PASSWORD (the user in upper case, - as _)
#   3. grants every permission of users.conf, and takes back any other permission of those users
#
# KAFKA_BIN (the Kafka tools, /opt/kafka/bin) and KAFKA_SETUP_SERVER (localhost:9094) can be changed;
# deploy/checks runs this script against a real broker configured as the compose file configures it.
set -euo pipefail
umask 077
export LC_ALL=C

bin=${KAFKA_BIN:-/opt/kafka/bin}
conf=${KAFKA_SETUP_CONF:-$(dirname "$0")}
server=${KAFKA_SETUP_SERVER:-localhost:9094}
partitions=${TOPIC_PARTITIONS:?TOPIC_PARTITIONS is not set}
replication=${TOPIC_REPLICATION_FACTOR:?TOPIC_REPLICATION_FACTOR is not set}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the lines of a configuration file that are neither comments nor empty
entries() {
	grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$1" || true
}

fail() {
	echo "kafka-setup: $*" >&2
	exit 1
}

# --- 1. topics ---------------------------------------------------------------------------------
"$bin/kafka-topics.sh" --bootstrap-server "$server" --list > "$work/topics"
"$bin/kafka-configs.sh" --bootstrap-server "$server" --describe --entity-type topics > "$work/configs"
while read -r topic config; do
	IFS=, read -ra settings <<< "$config"
	if ! grep -qxF "$topic" "$work/topics"; then
		options=()
		for setting in "${settings[@]}"; do
			options+=(--config "$setting")
		done
		"$bin/kafka-topics.sh" --bootstrap-server "$server" --create --if-not-exists --topic "$topic" \
			--partitions "$partitions" --replication-factor "$replication" "${options[@]}" > /dev/null
		echo "topic $topic created"
		continue
	fi
	# kafka-configs.sh describes a topic's own settings as "  key=value sensitive=... synonyms=..."
	awk -v topic="$topic" '/^Dynamic configs for topic /{current=$5} current==topic' "$work/configs" > "$work/current"
	differing=()
	for setting in "${settings[@]}"; do
		grep -qF "  $setting sensitive=" "$work/current" || differing+=("$setting")
	done
	if (( ${#differing[@]} )); then
		joined=$(IFS=,; echo "${differing[*]}")
		"$bin/kafka-configs.sh" --bootstrap-server "$server" --alter --entity-type topics --entity-name "$topic" \
			--add-config "$joined" > /dev/null
		echo "topic $topic: set $joined"
	fi
done < <(entries "$conf/topics.conf")

# --- 2. users ----------------------------------------------------------------------------------
users=$(entries "$conf/users.conf" | awk '{print $1}' | sort -u)
for user in $users; do
	variable="$(tr 'a-z-' 'A-Z_' <<< "$user")_PASSWORD"
	password=${!variable:-}
	[[ -n "$password" ]] || fail "$variable is not set (the password of the Kafka user $user)"
	[[ "$password" =~ ^[A-Za-z0-9]{24,}$ ]] || fail "$variable: at least 24 letters and digits, nothing else"
	# from a file, so that the password never shows in a process list
	printf 'SCRAM-SHA-512=iterations=8192,password=%s\n' "$password" > "$work/scram"
	"$bin/kafka-configs.sh" --bootstrap-server "$server" --alter --entity-type users --entity-name "$user" \
		--add-config-file "$work/scram" > /dev/null
	rm -f "$work/scram"
	echo "user $user: password set"
done

# --- 3. permissions ----------------------------------------------------------------------------
# what users.conf grants, as "user OPERATION resource name"
entries "$conf/users.conf" | awk '{print $1, toupper($2), tolower($3), $4}' | sort -u > "$work/granted"
while read -r user operation resource name; do
	case "$operation" in READ | WRITE) ;; *) fail "users.conf: $user may not $operation (only Read and Write)" ;; esac
	case "$resource" in topic | group) ;; *) fail "users.conf: unknown resource $resource" ;; esac
done < "$work/granted"

# what the broker holds, as "principal host OPERATION permission resource pattern name"
"$bin/kafka-acls.sh" --bootstrap-server "$server" --list | awk '
	/^Current ACLs for resource / {
		type = $0; sub(/.*resourceType=/, "", type); sub(/,.*/, "", type)
		name = $0; sub(/.*, name=/, "", name); sub(/, patternType=.*/, "", name)
		pattern = $0; sub(/.*patternType=/, "", pattern); sub(/\).*/, "", pattern)
	}
	/\(principal=/ {
		principal = $0; sub(/.*principal=/, "", principal); sub(/,.*/, "", principal)
		host = $0; sub(/.*host=/, "", host); sub(/,.*/, "", host)
		operation = $0; sub(/.*operation=/, "", operation); sub(/,.*/, "", operation)
		permission = $0; sub(/.*permissionType=/, "", permission); sub(/\).*/, "", permission)
		print principal, host, operation, permission, tolower(type), pattern, name
	}' > "$work/present"

# grant what is missing, one call per user and operation
awk '$2 == "*" && $4 == "ALLOW" && $6 == "LITERAL" && $1 ~ /^User:/ {sub(/^User:/, "", $1); print $1, $3, $5, $7}' \
	"$work/present" | sort -u > "$work/held"
grep -vxF -f "$work/held" "$work/granted" > "$work/missing" || true
for pair in $(awk '{print $1 "/" $2}' "$work/missing" | sort -u); do
	user=${pair%/*}
	operation=${pair#*/}
	resources=()
	while read -r holder what resource name; do
		[[ "$holder" == "$user" && "$what" == "$operation" ]] && resources+=("--$resource" "$name")
	done < "$work/missing"
	"$bin/kafka-acls.sh" --bootstrap-server "$server" --add --allow-principal "User:$user" --operation "$operation" \
		"${resources[@]}" > /dev/null
	echo "user $user: $operation granted on ${resources[*]}"
done

# take back what these users hold beyond users.conf (a permission removed from the file, or granted by hand)
while read -r principal host operation permission resource pattern name; do
	user=${principal#User:}
	grep -qxF "$user" <<< "$users" || continue
	if [[ "$host" == "*" && "$permission" == "ALLOW" && "$pattern" == "LITERAL" ]] \
		&& grep -qxF "$user $operation $resource $name" "$work/granted"; then
		continue
	fi
	case "$resource" in
		topic | group) target=("--$resource" "$name") ;;
		cluster) target=(--cluster) ;;
		transactional_id) target=(--transactional-id "$name") ;;
		*) echo "kafka-setup: $principal holds a permission on $resource $name: remove it by hand" >&2; continue ;;
	esac
	if [[ "$permission" == "ALLOW" ]]; then who=(--allow-principal "$principal" --allow-host "$host")
	else who=(--deny-principal "$principal" --deny-host "$host"); fi
	"$bin/kafka-acls.sh" --bootstrap-server "$server" --remove --force "${who[@]}" --operation "$operation" \
		"${target[@]}" --resource-pattern-type "$pattern" > /dev/null
	echo "taken back: $principal $permission $operation on $resource $name ($pattern)"
done < "$work/present"
echo "kafka-setup: done"
