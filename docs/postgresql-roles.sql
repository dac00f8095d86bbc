-- The roles of a bilan database (docs/postgresql.md). Run it as a superuser, or as a role with
-- CREATEROLE that may create schemas in the database, before the network starts using bilan:
--
--   psql "postgres://admin@server/reseau" -v schema=bilan -f docs/postgresql-roles.sql
--
-- It can be run again at any time (nothing is created twice). Roles are group roles without login:
-- give them to people's own logins (examples at the end).
--   bilan_owner    owns bilan's schema and tables; the first bilan command run by one of its members
--                  creates the tables (and later versions of bilan add theirs)
--   bilan_collect  ask, import, export --include-contacts, delete, amend, purge-contacts, audit:
--                  reads and writes every table, contact data included
--   bilan_report   stats, report, export (without contacts), audit: reads answers, never contacts
\set ON_ERROR_STOP on
\if :{?schema}
\else
  \set schema bilan
\endif

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bilan_owner') THEN
    CREATE ROLE bilan_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bilan_collect') THEN
    CREATE ROLE bilan_collect NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bilan_report') THEN
    CREATE ROLE bilan_report NOLOGIN;
  END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION bilan_owner;
GRANT USAGE ON SCHEMA :"schema" TO bilan_collect, bilan_report;

-- Tables made before these roles existed: give the roles their privileges now. (Each migration of
-- bilan calls grant_roles() itself for the tables it adds.)
SELECT to_regprocedure(:'schema' || '.grant_roles()') IS NOT NULL AS migrated \gset
\if :migrated
  SELECT :"schema".grant_roles();
\endif

-- People's logins, for example:
--   CREATE ROLE admin_reseau LOGIN IN ROLE bilan_owner, bilan_collect;       -- first run, upgrades
--   CREATE ROLE animatrice LOGIN PASSWORD '…' IN ROLE bilan_collect;
--   CREATE ROLE analyste LOGIN PASSWORD '…' IN ROLE bilan_report;
