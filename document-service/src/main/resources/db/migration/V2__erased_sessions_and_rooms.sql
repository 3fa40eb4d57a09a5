-- Sessions and rooms that were erased (GDPR), by id only, kept for good: a document.requested that arrives
-- after its session.deleted or room.deleted (the topics are not ordered with each other), or a render that
-- finishes after the erasure, finds the mark and leaves nothing behind. Ids are all they hold.
CREATE TABLE erased_sessions (
    session_id UUID        PRIMARY KEY,
    erased_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE erased_rooms (
    room_id    UUID        PRIMARY KEY,
    session_id UUID        NOT NULL,
    erased_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
