-- One row per session's evidence log: the chain's tip, locked by every append so that two runtime
-- nodes writing to the same session take turns and never fork the chain.
CREATE TABLE evidence_log (
  session    text PRIMARY KEY,
  seq        bigint NOT NULL DEFAULT 0,
  head       text NOT NULL,
  signed_seq bigint NOT NULL DEFAULT 0,
  ended      boolean NOT NULL DEFAULT false,
  sealed     boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Each record as the file log writes it (line: its JSON, the text the hash covers), with the
-- fields a query needs beside it. (session, seq) is unique: a second record at a place is refused.
CREATE TABLE evidence_record (
  session text NOT NULL REFERENCES evidence_log (session) ON DELETE CASCADE,
  seq     bigint NOT NULL CHECK (seq > 0),
  at      timestamptz NOT NULL,
  kind    text NOT NULL,
  by_whom text NOT NULL,
  station text,
  prev    text NOT NULL,
  hash    text NOT NULL,
  line    text NOT NULL,
  PRIMARY KEY (session, seq)
);
