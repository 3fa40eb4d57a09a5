CREATE TABLE notes (
    id   UUID PRIMARY KEY,
    text TEXT NOT NULL
);
CREATE TABLE note_effects (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id UUID NOT NULL,
    note_id  UUID NOT NULL,
    text     TEXT NOT NULL
);
