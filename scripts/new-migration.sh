#!/usr/bin/env bash
# Writes a new migration: the SQL that takes a database migrated so far to
# prisma/schema.prisma. Usage: npm run db:migration -- NAME
#
# With a driver adapter configured, Prisma cannot diff from a live database
# directly, so the database's current schema is first read back with
# `db pull` into a scratch schema file, and the two schema files are diffed.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?give the migration a name}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The native engines cannot be downloaded here; these keep the CLI on what it has.
export PRISMA_CLI_BINARY_TARGETS= PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1
export DATABASE_URL="file:$scratch/shadow.db"

npx prisma migrate deploy >/dev/null
cp prisma/schema.prisma "$scratch/current.prisma"
npx prisma db pull --schema "$scratch/current.prisma" >/dev/null 2>&1
sql=$(npx prisma migrate diff --from-schema-datamodel "$scratch/current.prisma" \
  --to-schema-datamodel prisma/schema.prisma --script 2>/dev/null | grep -v '^Loaded Prisma config')
if ! grep -qv '^--' <<<"$sql"; then
  echo "prisma/schema.prisma matches the migrations; nothing to write"
  exit 0
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" >"$dir/migration.sql"
echo "wrote $dir/migration.sql"
