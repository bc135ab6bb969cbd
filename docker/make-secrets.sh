#!/usr/bin/env bash
# Makes the compose stacks' credentials once, at random, in docker/secrets/ (never committed).
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
mkdir -p "$dir"
chmod 700 "$dir"
for name in influxdb-admin-password influxdb-admin-token grafana-admin-password postgres-password platform-key-secret; do
  if [[ ! -s "$dir/$name" ]]; then
    head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$dir/$name"
    chmod 644 "$dir/$name"   # read by the containers' own users
    echo "made $dir/$name"
  fi
done
# the cluster's lab secret, the key of every message between its nodes: handed to the nodes as an
# environment variable (cluster.yaml: secret_env), read by compose on this host only
if [[ ! -s "$dir/cluster.env" ]]; then
  (umask 077; printf 'TWINLAB_CLUSTER_SECRET=%s\n' "$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')" > "$dir/cluster.env")
  echo "made $dir/cluster.env"
fi
