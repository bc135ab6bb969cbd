-- What must outlive any one runtime node besides the evidence, shared by every node of a lab.

-- The accounts: passwords only as their Argon2id hashes. Lockouts after failed logins (the login
-- throttle) stay with each node; an administrator's lock is here.
CREATE TABLE account (
  name          text PRIMARY KEY,
  role          text NOT NULL,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL,
  locked        boolean NOT NULL DEFAULT false,
  changed_at    timestamptz NOT NULL DEFAULT now()
);

-- The audit trail, one row per entry in the order the entries were committed; entry is the JSON
-- object as the file trail writes it, the columns beside it are for the admin page's filters.
CREATE TABLE audit_entry (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL,
  by_whom text NOT NULL,
  action  text NOT NULL,
  target  text,
  entry   text NOT NULL
);
CREATE INDEX audit_entry_by_whom ON audit_entry (by_whom, id);
CREATE INDEX audit_entry_target ON audit_entry (target, id);
CREATE INDEX audit_entry_action ON audit_entry (action, id);
CREATE INDEX audit_entry_at ON audit_entry (at);

-- Each twin's binding versions, entry being the journal line of the file journal. A twin's current
-- versions (set_aside null) are unique by number: two nodes cannot both make version n. An upgrade,
-- a rollback or a removal sets them aside under a label, and the twin starts again from 1.
CREATE TABLE binding_version (
  id        bigserial PRIMARY KEY,
  twin      text NOT NULL,
  version   integer NOT NULL CHECK (version > 0),
  at        timestamptz NOT NULL,
  by_whom   text NOT NULL,
  action    text NOT NULL,
  property  text,
  entry     text NOT NULL,
  set_aside text
);
CREATE UNIQUE INDEX binding_version_current ON binding_version (twin, version) WHERE set_aside IS NULL;

-- The twin application packages deployed through the API (deployed: the package's JSON), the
-- configured twins removed through it, and the package an upgraded twin rolls back to.
CREATE TABLE twin_package (
  twin       text PRIMARY KEY,
  deployed   text,
  removed    boolean NOT NULL DEFAULT false,
  rollback   text,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- The lab's key pairs (the platform's Ed25519 signing key): one row per name, made by whichever node
-- comes first. The private key only sealed with AES-256-GCM under a key derived (kdf, salt) from the
-- store's key secret, which is never in the database; the public key and the name are its
-- associated data, so a sealed key cannot be moved to another row or paired with another public key.
CREATE TABLE shared_key (
  name           text PRIMARY KEY,
  algorithm      text NOT NULL,
  public_der     bytea NOT NULL,
  private_sealed bytea NOT NULL,
  kdf            text NOT NULL,
  salt           bytea NOT NULL,
  iv             bytea NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON shared_key FROM PUBLIC;
