-- SegDash store, schema version 2: saved segment schemes and segment membership history.
-- Dates as in 001 (days since 1970-01-01), updated_at in seconds since 1970-01-01.

CREATE TABLE segment_schemes (
    name       TEXT    PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('rfm', 'kmeans', 'rules')),
    definition TEXT    NOT NULL DEFAULT '', -- e.g. the rule table in segment_scheme.h text form
    updated_at INTEGER NOT NULL DEFAULT 0
);

-- One row per stretch of time a customer spent in one segment of one scheme:
-- [valid_from, valid_to), valid_to NULL = current. `scheme` is a name (built-in schemes
-- such as rfm-10 need no segment_schemes row). No foreign key to customers: undoing an
-- import deletes customers, and their past memberships stay part of the history.
CREATE TABLE segment_membership (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    scheme      TEXT    NOT NULL,
    segment     TEXT    NOT NULL,
    valid_from  INTEGER NOT NULL,
    valid_to    INTEGER CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- At most one current row per customer and scheme.
CREATE UNIQUE INDEX segment_membership_current ON segment_membership(scheme, customer_id) WHERE valid_to IS NULL;
CREATE INDEX segment_membership_customer ON segment_membership(customer_id, scheme, valid_from);
CREATE INDEX segment_membership_scheme ON segment_membership(scheme, valid_from);
