-- SegDash store, schema version 1.
-- Units: money columns hold exact ten-thousandths of a currency unit (core::Money),
-- *_on columns days since 1970-01-01 (core::Date), *_at and *_purchase columns seconds
-- since 1970-01-01T00:00:00 (core::Timestamp). Text columns hold '' when unknown;
-- external_id is NULL when the source gave none, so it never collides.
-- Every data row carries the import that wrote it (undo removes rows by import_id).
-- CHECKs use BETWEEN, not IN (...): an IN list in a CHECK costs a temporary table per
-- inserted row (measured: three times slower order inserts).
-- Kinds: orders.kind 0 sale, 1 return, 2 cancellation; interactions.kind 0 email_sent,
-- 1 email_open, 2 email_click, 3 web_visit, 4 social, 5 call, 6 meeting.

CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT    NOT NULL DEFAULT '',
    file_size     INTEGER NOT NULL DEFAULT 0,
    content_hash  TEXT    NOT NULL DEFAULT '',
    kind          TEXT    NOT NULL DEFAULT '',
    profile       TEXT    NOT NULL DEFAULT '',
    settings_json TEXT    NOT NULL DEFAULT '{}',
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_imported INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    started_at    INTEGER NOT NULL DEFAULT 0,
    seconds       REAL    NOT NULL DEFAULT 0,
    -- 'running' exists only inside the import's own transaction
    state         TEXT    NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'undone')),
    undone_at     INTEGER
);
CREATE INDEX imports_content_hash ON imports(content_hash);

-- Source systems ("salesforce", "online-retail", ...) as small integers, so the
-- big tables and their unique indexes stay narrow.
CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE customers (
    id               INTEGER PRIMARY KEY,
    import_id        INTEGER NOT NULL REFERENCES imports(id),
    source_id        INTEGER NOT NULL REFERENCES sources(id),
    external_id      TEXT,
    name             TEXT    NOT NULL DEFAULT '',
    email            TEXT    NOT NULL DEFAULT '',
    phone            TEXT    NOT NULL DEFAULT '',
    company          TEXT    NOT NULL DEFAULT '',
    industry         TEXT    NOT NULL DEFAULT '',
    company_size     TEXT    NOT NULL DEFAULT '',
    country          TEXT    NOT NULL DEFAULT '',
    region           TEXT    NOT NULL DEFAULT '',
    city             TEXT    NOT NULL DEFAULT '',
    birth_year       INTEGER,
    age_band         TEXT    NOT NULL DEFAULT '',
    channel          TEXT    NOT NULL DEFAULT '',
    acquired_on      INTEGER,
    acquisition_cost INTEGER,
    sales_rep        TEXT    NOT NULL DEFAULT '',
    lifecycle_stage  TEXT    NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX customers_external ON customers(source_id, external_id);
CREATE INDEX customers_email ON customers(email);
CREATE INDEX customers_import ON customers(import_id);

-- Free attributes from unmapped columns.
CREATE TABLE customer_attributes (
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    key         TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    import_id   INTEGER NOT NULL REFERENCES imports(id),
    PRIMARY KEY (customer_id, key)
) WITHOUT ROWID;

-- Purchase aggregates per customer; a row exists once the customer has an order.
-- Kept mergeable (min, max, counts, sums) so an import adds its deltas without
-- rescanning orders. Purchase dates and counts cover sale orders only.
CREATE TABLE customer_stats (
    customer_id    INTEGER PRIMARY KEY REFERENCES customers(id),
    first_purchase INTEGER,
    last_purchase  INTEGER,
    purchase_count INTEGER NOT NULL DEFAULT 0,
    return_count   INTEGER NOT NULL DEFAULT 0,
    gross_revenue  INTEGER NOT NULL DEFAULT 0,
    returns_value  INTEGER NOT NULL DEFAULT 0,
    cost           INTEGER NOT NULL DEFAULT 0,
    -- revenue minus cost, over the orders whose cost is known
    margin         INTEGER NOT NULL DEFAULT 0,
    net_revenue    INTEGER GENERATED ALWAYS AS (gross_revenue + returns_value) VIRTUAL
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES imports(id),
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    external_id TEXT,
    customer_id INTEGER REFERENCES customers(id), -- NULL = anonymous revenue
    placed_at   INTEGER NOT NULL,
    revenue     INTEGER NOT NULL,
    cost        INTEGER,
    currency    TEXT    NOT NULL DEFAULT '',
    channel     TEXT    NOT NULL DEFAULT '',
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2)
);
-- external_id first: order lines look an order up by its external id alone.
CREATE UNIQUE INDEX orders_external ON orders(external_id, source_id);
-- A big import drops this one and rebuilds it at commit (sorting beats random inserts).
CREATE INDEX orders_customer ON orders(customer_id);

CREATE TABLE order_lines (
    id           INTEGER PRIMARY KEY,
    import_id    INTEGER NOT NULL REFERENCES imports(id),
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    product_code TEXT    NOT NULL DEFAULT '',
    product_name TEXT    NOT NULL DEFAULT '',
    category     TEXT    NOT NULL DEFAULT '',
    quantity     REAL    NOT NULL DEFAULT 0,
    unit_price   INTEGER NOT NULL DEFAULT 0,
    unit_cost    INTEGER
);
CREATE INDEX order_lines_order ON order_lines(order_id);

CREATE TABLE opportunities (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES imports(id),
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    external_id TEXT,
    customer_id INTEGER REFERENCES customers(id),
    name        TEXT    NOT NULL DEFAULT '',
    stage       TEXT    NOT NULL DEFAULT '',
    amount      INTEGER NOT NULL DEFAULT 0,
    probability REAL    NOT NULL DEFAULT 0,
    created_on  INTEGER,
    closed_on   INTEGER,
    won         INTEGER CHECK (won BETWEEN 0 AND 1), -- NULL while open
    owner       TEXT    NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX opportunities_external ON opportunities(external_id, source_id);
CREATE INDEX opportunities_customer ON opportunities(customer_id);

CREATE TABLE interactions (
    id                   INTEGER PRIMARY KEY,
    import_id            INTEGER NOT NULL REFERENCES imports(id),
    customer_id          INTEGER REFERENCES customers(id),
    kind                 INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 6),
    at                   INTEGER NOT NULL,
    campaign_external_id TEXT    NOT NULL DEFAULT '',
    detail               TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX interactions_customer ON interactions(customer_id);

CREATE TABLE survey_responses (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES imports(id),
    customer_id INTEGER REFERENCES customers(id),
    answered_on INTEGER NOT NULL,
    nps         INTEGER CHECK (nps BETWEEN 0 AND 10),
    csat        INTEGER CHECK (csat BETWEEN 1 AND 5),
    comment     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX survey_responses_customer ON survey_responses(customer_id);

CREATE TABLE campaigns (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES imports(id),
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    external_id TEXT,
    name        TEXT    NOT NULL DEFAULT '',
    channel     TEXT    NOT NULL DEFAULT '',
    cost        INTEGER NOT NULL DEFAULT 0,
    starts_on   INTEGER,
    ends_on     INTEGER,
    target      TEXT    NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX campaigns_external ON campaigns(external_id, source_id);

-- Undo log: the customer row as it was before import `import_id` first changed it
-- (customers the import created need none: undo deletes them).
CREATE TABLE customers_undo (
    import_id        INTEGER NOT NULL REFERENCES imports(id),
    customer_id      INTEGER NOT NULL,
    source_id        INTEGER NOT NULL,
    external_id      TEXT,
    name             TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    phone            TEXT    NOT NULL,
    company          TEXT    NOT NULL,
    industry         TEXT    NOT NULL,
    company_size     TEXT    NOT NULL,
    country          TEXT    NOT NULL,
    region           TEXT    NOT NULL,
    city             TEXT    NOT NULL,
    birth_year       INTEGER,
    age_band         TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    acquired_on      INTEGER,
    acquisition_cost INTEGER,
    sales_rep        TEXT    NOT NULL,
    lifecycle_stage  TEXT    NOT NULL,
    PRIMARY KEY (import_id, customer_id)
) WITHOUT ROWID;

-- The customer's free attributes as they were, taken together with customers_undo.
CREATE TABLE customer_attributes_undo (
    import_id     INTEGER NOT NULL REFERENCES imports(id),
    customer_id   INTEGER NOT NULL,
    key           TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    old_import_id INTEGER NOT NULL,
    PRIMARY KEY (import_id, customer_id, key)
) WITHOUT ROWID;
