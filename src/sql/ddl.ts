/** The statements that make the read model's tables, indexes, functions and views in a schema (quoted). */

/** The tables, without indexes (a load is faster when the indexes come after the data). */
export const tablesDDL = (s: string): string => `CREATE TABLE ${s}.unit_versions (
  unit text NOT NULL,
  name jsonb NOT NULL,
  kind text,
  parent text,
  attributes jsonb NOT NULL,
  valid tstzrange NOT NULL,
  recorded tstzrange NOT NULL
);
CREATE TABLE ${s}.leader_versions (
  unit text NOT NULL,
  person text NOT NULL,
  role text NOT NULL,
  title text,
  acting boolean NOT NULL,
  since text NOT NULL,
  valid tstzrange NOT NULL,
  recorded tstzrange NOT NULL
);
CREATE TABLE ${s}.person_versions (
  person text NOT NULL,
  name jsonb,
  aliases jsonb NOT NULL,
  valid tstzrange NOT NULL,
  recorded tstzrange NOT NULL
);
COMMENT ON SCHEMA ${s} IS 'org-history SQL read model: versions over valid time × transaction time; replaced by each load';`

/** GiST indexes on both ranges of every table, and the unit of a holding. */
export const indexesDDL = (s: string): string => `CREATE INDEX ON ${s}.unit_versions USING gist (valid, recorded);
CREATE INDEX ON ${s}.leader_versions USING gist (valid, recorded);
CREATE INDEX ON ${s}.leader_versions (unit);
CREATE INDEX ON ${s}.person_versions USING gist (valid, recorded);`

const ORG_COLUMNS = 'unit text, name jsonb, kind text, parent text, attributes jsonb, leaders jsonb'
/** Transaction time: the rows known at $2, or the current rows (open-ended) without it. */
const known = (alias: string) => `${alias}.recorded @> coalesce($2, 'infinity'::timestamptz)`

/** `org_at`, `org_on`, `org_tree` and the two views of the current org. */
export const functionsDDL = (
  s: string,
): string => `CREATE FUNCTION ${s}.org_at("at" timestamptz, known_at timestamptz DEFAULT NULL)
RETURNS TABLE (${ORG_COLUMNS}) LANGUAGE sql STABLE AS $org$
  SELECT u.unit, u.name, u.kind, u.parent, u.attributes,
    coalesce((
      SELECT jsonb_agg(jsonb_build_object('person', l.person, 'role', l.role, 'title', l.title,
                                          'acting', l.acting, 'since', l.since)
                       ORDER BY l.since COLLATE "C", l.role COLLATE "C", l.person COLLATE "C")
      FROM ${s}.leader_versions l
      WHERE l.unit = u.unit AND l.valid @> $1 AND ${known('l')}
    ), '[]'::jsonb)
  FROM ${s}.unit_versions u
  WHERE u.valid @> $1 AND ${known('u')}
$org$;
COMMENT ON FUNCTION ${s}.org_at(timestamptz, timestamptz) IS 'The active units at an instant, as known at known_at (NULL: everything recorded)';
CREATE FUNCTION ${s}.org_on("day" date, known_at timestamptz DEFAULT NULL)
RETURNS TABLE (${ORG_COLUMNS}) LANGUAGE sql STABLE AS $org$
  SELECT * FROM ${s}.org_at((($1 + 1)::timestamp AT TIME ZONE 'UTC') - interval '1 microsecond', $2)
$org$;
COMMENT ON FUNCTION ${s}.org_on(date, timestamptz) IS 'The active units on a day: every change effective by its end (a UTC day)';
CREATE FUNCTION ${s}.org_tree("at" timestamptz, known_at timestamptz DEFAULT NULL)
RETURNS TABLE (unit text, name jsonb, kind text, parent text, depth integer, path text[]) LANGUAGE sql STABLE AS $org$
  WITH RECURSIVE org AS (SELECT * FROM ${s}.org_at($1, $2)),
  tree AS (
    SELECT o.unit, o.name, o.kind, o.parent, 0 AS depth, ARRAY[o.unit] AS path FROM org o WHERE o.parent IS NULL
    UNION ALL
    SELECT o.unit, o.name, o.kind, o.parent, t.depth + 1, t.path || o.unit FROM org o JOIN tree t ON o.parent = t.unit
  )
  SELECT * FROM tree ORDER BY path COLLATE "C"
$org$;
COMMENT ON FUNCTION ${s}.org_tree(timestamptz, timestamptz) IS 'The active units at an instant depth-first from the roots, with depth and path of ids';
CREATE VIEW ${s}.org_units_current AS SELECT * FROM ${s}.org_at(now());
CREATE VIEW ${s}.org_leaders_current AS
  SELECT l.unit, u.name AS unit_name, l.person, p.name AS person_name, l.role, l.title, l.acting, l.since
  FROM ${s}.leader_versions l
  JOIN ${s}.unit_versions u ON u.unit = l.unit AND u.valid @> now() AND upper_inf(u.recorded)
  LEFT JOIN ${s}.person_versions p ON p.person = l.person AND p.valid @> now() AND upper_inf(p.recorded)
  WHERE l.valid @> now() AND upper_inf(l.recorded);`
