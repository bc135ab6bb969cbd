-- Each running station's active time, kept every few seconds by the node that runs it, so that the
-- node that takes the station over when that node dies resumes it with the time it had. One row per
-- station, moved on in place; the evidence alone still tells the time where no row is.
CREATE TABLE station_clock (
  session    text NOT NULL REFERENCES evidence_log (session) ON DELETE CASCADE,
  station    text NOT NULL,
  elapsed_ms bigint NOT NULL CHECK (elapsed_ms >= 0),
  at         timestamptz NOT NULL,
  PRIMARY KEY (session, station)
);
