\timing on
CREATE TEMP TABLE src AS
  SELECT counting, json_object_agg(figure, body)::text AS doc
    FROM analytics.logbook_figure
   WHERE owner_id = (SELECT owner_id FROM analytics.logbook_figure GROUP BY owner_id ORDER BY sum(pg_column_size(body)) DESC LIMIT 1)
   GROUP BY counting;
SELECT counting, length(doc) FROM src;
CREATE TEMP TABLE t_pglz (figure text, body json COMPRESSION pglz);
CREATE TEMP TABLE t_lz4 (figure text, body json COMPRESSION lz4);
CREATE TEMP TABLE t_ext (figure text, body json);
ALTER TABLE t_ext ALTER COLUMN body SET STORAGE EXTERNAL;
SELECT count(*) FROM src, json_each(CAST(src.doc AS json)) f;
INSERT INTO t_pglz SELECT f.key, f.value FROM src, json_each(CAST(src.doc AS json)) f;
INSERT INTO t_lz4 SELECT f.key, f.value FROM src, json_each(CAST(src.doc AS json)) f;
INSERT INTO t_ext SELECT f.key, f.value FROM src, json_each(CAST(src.doc AS json)) f;
INSERT INTO t_pglz SELECT f.key, f.value FROM src, json_each(CAST(src.doc AS json)) f;
INSERT INTO t_lz4 SELECT f.key, f.value FROM src, json_each(CAST(src.doc AS json)) f;
INSERT INTO t_ext SELECT f.key, f.value FROM src, json_each(CAST(src.doc AS json)) f;
SELECT 'pglz', sum(pg_column_size(body)) FROM t_pglz UNION ALL SELECT 'lz4', sum(pg_column_size(body)) FROM t_lz4 UNION ALL SELECT 'ext', sum(pg_column_size(body)) FROM t_ext;
SELECT sum(length(body::text)) FROM t_pglz;
SELECT sum(length(body::text)) FROM t_lz4;
SELECT sum(length(body::text)) FROM t_ext;
