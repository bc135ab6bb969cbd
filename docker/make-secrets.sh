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
