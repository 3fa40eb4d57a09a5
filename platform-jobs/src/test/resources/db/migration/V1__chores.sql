-- Rows the test jobs work through; `kind` keeps each test's rows apart.
CREATE TABLE chores (
    id     UUID PRIMARY KEY,
    kind   TEXT        NOT NULL,
    due_at TIMESTAMPTZ NOT NULL
);
