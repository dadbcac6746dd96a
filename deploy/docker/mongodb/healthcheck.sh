#!/usr/bin/env bash
# The health check of the compose file's MongoDB, which also sets the replica set up: the first
# runs initiate the one-node replica set and create the users, later runs only check that this
# node is the primary. See replica-set.js.
exec mongosh --quiet --norc --host 127.0.0.1 --port 27017 --file /opt/mentoring/replica-set.js
