#!/usr/bin/env bash
# Writes a new migration from the difference between the migrations so far
# and prisma/schema.prisma. Usage: npm run db:migration -- NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?give the migration a name}
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The native engines cannot be downloaded here; these settings keep the CLI
# on what it has.
export PRISMA_CLI_BINARY_TARGETS= PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1
DATABASE_URL="file:$scratch/shadow.db" npx prisma migrate deploy >/dev/null
mkdir -p "$dir"
DATABASE_URL="file:$scratch/shadow.db" npx prisma migrate diff \
  --from-url "file:$scratch/shadow.db" --to-schema-datamodel prisma/schema.prisma --script \
  2>/dev/null | grep -v '^Loaded Prisma config' >"$dir/migration.sql"
echo "wrote $dir/migration.sql"
