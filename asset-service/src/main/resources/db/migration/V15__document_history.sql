-- A document's history: who asked for each version (the caller's sub; rows from before this column have none),
-- an optional note of why, and for a version made by restoring, the version of the same lineage whose content it
-- took back (always an older one).
ALTER TABLE document_artifacts
    ADD COLUMN author                TEXT,
    ADD COLUMN message               VARCHAR(500),
    ADD COLUMN restored_from_version INTEGER,
    ADD CONSTRAINT check_document_restored_from CHECK (restored_from_version IS NULL
        OR (restored_from_version >= 1 AND restored_from_version < version));
