-- The sqlite3 command-line equivalent of `staketop history --every 1mo --csv`
-- on the hist-seed store: month-end NAV, market value and premium of the
-- whole portfolio (units from events, newest rate and price at or before
-- each month end). :now is written in by bench_history.sh.
WITH RECURSIVE
first(f) AS (SELECT min(ts) - min(ts) % 86400 FROM events WHERE removed_at IS NULL),
m(d) AS (SELECT date(f, 'unixepoch', 'start of month') FROM first
         UNION ALL SELECT date(d, '+1 month') FROM m
         WHERE d < date(:now, 'unixepoch', 'start of month')),
ends(t) AS (SELECT min(CAST(strftime('%s', d, '+1 month') AS INTEGER) - 1, :now) FROM m),
held(t, asset, q) AS (
  SELECT e.t, p.asset, SUM(CASE WHEN ev.type IN ('withdraw', 'unbond') THEN -CAST(ev.amount AS REAL)
                                ELSE CAST(ev.amount AS REAL) END)
  FROM ends e JOIN events ev ON ev.ts <= e.t AND ev.removed_at IS NULL AND ev.type <> 'claim'
  JOIN positions p ON p.id = ev.position_id GROUP BY e.t, p.asset),
v(t, nav, mv) AS (
  SELECT h.t,
    h.q * (CASE WHEN c.rated THEN (SELECT value FROM observations WHERE asset = h.asset AND kind = 'rate'
                                   AND ts <= h.t ORDER BY ts DESC LIMIT 1) ELSE 1 END)
        * (SELECT value FROM observations WHERE asset = c.base AND kind = 'price' AND ts <= h.t
           ORDER BY ts DESC LIMIT 1),
    h.q * (SELECT value FROM observations WHERE asset = h.asset AND kind = 'price' AND ts <= h.t
           ORDER BY ts DESC LIMIT 1)
  FROM held h JOIN bench_chain c ON c.asset = h.asset)
SELECT date(t, 'unixepoch'), t, printf('%.2f', SUM(nav)), printf('%.2f', SUM(mv)),
       printf('%.2f', (SUM(mv) / SUM(nav) - 1) * 10000)
FROM v GROUP BY t ORDER BY t;
