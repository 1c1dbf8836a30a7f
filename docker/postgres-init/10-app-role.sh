#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d).
# Makes the apps' login role: a member of the resettle_app group role, which the migrations (run by the
# owner, POSTGRES_USER) grant what the apps need and nothing that rewrites the audit trail. Not a superuser,
# owns nothing. The group role is made here too, so the migrations need not create roles.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="${APP_DATABASE_PASSWORD:?set APP_DATABASE_PASSWORD}" <<'SQL'
CREATE ROLE resettle_app NOLOGIN;
CREATE ROLE resettle_app_user LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password' IN ROLE resettle_app;
SQL
