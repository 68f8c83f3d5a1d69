CREATE TEMP TABLE src AS
  SELECT counting, json_object_agg(figure, body)::text AS doc
    FROM analytics.logbook_figure
   WHERE owner_id = (SELECT owner_id FROM analytics.logbook_figure GROUP BY owner_id ORDER BY sum(pg_column_size(body)) DESC LIMIT 1)
   GROUP BY counting;
CREATE TEMP TABLE pieces AS SELECT f.key AS figure, f.value::text AS body FROM src, json_each(CAST(src.doc AS json)) f;
ALTER TABLE pieces ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TEMP TABLE j_pglz (figure text, body json COMPRESSION pglz);
CREATE TEMP TABLE j_lz4 (figure text, body json COMPRESSION lz4);
CREATE TEMP TABLE x_lz4 (figure text, body text COMPRESSION lz4);
\timing on
INSERT INTO j_pglz SELECT figure, body::json FROM pieces;
INSERT INTO j_lz4 SELECT figure, body::json FROM pieces;
INSERT INTO x_lz4 SELECT figure, body FROM pieces;
INSERT INTO j_pglz SELECT figure, body::json FROM pieces;
INSERT INTO j_lz4 SELECT figure, body::json FROM pieces;
INSERT INTO x_lz4 SELECT figure, body FROM pieces;
SELECT sum(length(body::text)) FROM j_pglz;
SELECT sum(length(body::text)) FROM j_lz4;
