-- Schema `orders`, owned by order-service: seed 003's orders, images and restoration_jobs, fitted to a platform
-- where the images are asset-service's assets (known here through its events) and the provider is any
-- Replicate-style API. Money is numeric(10,2), never floating point.

-- Projection of asset.confirmed / asset.deleted: what an order may name, whose it is and where its bytes are.
CREATE TABLE order_assets (
    asset_id     UUID PRIMARY KEY,
    session_id   UUID        NOT NULL,
    room_id      UUID        NOT NULL,
    owner_id     TEXT        NOT NULL,
    asset_type   TEXT        NOT NULL,
    bucket       TEXT        NOT NULL,
    storage_path TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    file_size    BIGINT      NOT NULL,
    -- a temporary upload (made for an unpaid order) is erased by asset-service at this time unless paid for
    expires_at   TIMESTAMPTZ,
    confirmed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_order_assets_session ON order_assets (session_id);

-- The last order number given out on each day: numbers are YYYYMMDD-NNNNNN, counted per UTC day.
CREATE TABLE order_number_days (
    day         DATE PRIMARY KEY,
    last_number INTEGER NOT NULL CHECK (last_number BETWEEN 1 AND 999999)
);

CREATE TABLE orders (
    id             UUID PRIMARY KEY,
    number         TEXT          NOT NULL UNIQUE CHECK (number ~ '^[0-9]{8}-[0-9]{6}$'),
    owner_id       TEXT          NOT NULL,
    -- where the owner's mails go: the token's email claim when the order was made (null: none known)
    owner_email    TEXT,
    session_id     UUID          NOT NULL,
    status         TEXT          NOT NULL DEFAULT 'pending_payment',
    payment_status TEXT          NOT NULL DEFAULT 'pending',
    -- the payment provider's id of the payment that paid the order
    payment_id     TEXT UNIQUE,
    currency       CHAR(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal       NUMERIC(10,2) NOT NULL CHECK (subtotal >= 0),
    tax            NUMERIC(10,2) NOT NULL CHECK (tax >= 0),
    total          NUMERIC(10,2) NOT NULL CHECK (total = subtotal + tax),
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    paid_at        TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ,
    refunded_at    TIMESTAMPTZ,
    expired_at     TIMESTAMPTZ,
    CONSTRAINT check_order_status CHECK (status IN ('pending_payment', 'processing', 'completed',
            'partially_failed', 'failed', 'refunded', 'expired')),
    CONSTRAINT check_payment_status CHECK (payment_status IN ('pending', 'succeeded', 'failed', 'refunded'))
);
CREATE INDEX idx_orders_owner ON orders (owner_id, created_at DESC, id DESC);
CREATE INDEX idx_orders_session ON orders (session_id);
CREATE INDEX idx_orders_open ON orders (status) WHERE status IN ('pending_payment', 'processing');

CREATE TABLE order_items (
    id       UUID PRIMARY KEY,
    order_id UUID          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position INTEGER       NOT NULL CHECK (position >= 0),
    asset_id UUID          NOT NULL,
    service  TEXT          NOT NULL CHECK (service IN ('restoration', 'render')),
    options  JSONB         NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(options) = 'object'),
    price    NUMERIC(10,2) NOT NULL CHECK (price >= 0),
    UNIQUE (order_id, position)
);
CREATE INDEX idx_order_items_asset ON order_items (asset_id);

-- Every payment event received, by the provider's event id: a redelivered event finds its row and changes nothing.
CREATE TABLE payment_events (
    id          TEXT PRIMARY KEY CHECK (char_length(id) BETWEEN 1 AND 255),
    type        TEXT        NOT NULL,
    order_id    UUID,
    -- applied: it changed the order; ignored: nothing to do (unknown type, order already there); rejected: it
    -- contradicts the order (amount, currency, unknown order) and changed nothing
    outcome     TEXT        NOT NULL CHECK (outcome IN ('applied', 'ignored', 'rejected')),
    detail      TEXT,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_payment_events_order ON payment_events (order_id);

-- One job per item of a paid order, run at the processing provider (seed 003's restoration_jobs).
CREATE TABLE jobs (
    id              UUID PRIMARY KEY,
    order_id        UUID        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    item_id         UUID        NOT NULL UNIQUE REFERENCES order_items (id) ON DELETE CASCADE,
    service         TEXT        NOT NULL CHECK (service IN ('restoration', 'render')),
    status          TEXT        NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled')),
    -- the provider's prediction id of the current attempt
    external_id     TEXT,
    attempts        INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts    INTEGER     NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
    -- when a worker may next take the job (a retry's backoff, a poll's interval)
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a job not ended by then fails (deadline_exceeded), whatever the provider says
    deadline_at     TIMESTAMPTZ,
    -- a worker holding the job until then; another takes it after (the holder died)
    lease_until     TIMESTAMPTZ,
    error_code      TEXT,
    error_message   TEXT,
    input           JSONB       NOT NULL DEFAULT '{}'::jsonb,
    output          JSONB,
    -- the asset the output becomes (chosen here, so a retry names the same one)
    output_asset_id UUID UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    queued_at       TIMESTAMPTZ,
    started_at      TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ
);
CREATE INDEX idx_jobs_order ON jobs (order_id);
CREATE INDEX idx_jobs_due ON jobs (next_attempt_at) WHERE status IN ('queued', 'processing');
