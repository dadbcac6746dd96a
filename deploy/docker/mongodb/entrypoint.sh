#!/usr/bin/env bash
# Starts mongod as a one-node replica set with access control. The members of a replica set
# authenticate to each other with a key file; a one-node set needs one all the same. It is made
# once, on the configuration volume, and never leaves the container.
set -euo pipefail
keyfile=/data/configdb/replica-set.key
if [ ! -s "$keyfile" ]; then
	head -c 768 /dev/urandom | base64 -w 0 > "$keyfile"
fi
chown mongodb:mongodb "$keyfile"
chmod 0400 "$keyfile"
exec docker-entrypoint.sh mongod --replSet "${MONGO_REPLICA_SET:-rs0}" --keyFile "$keyfile" --bind_ip_all "$@"
