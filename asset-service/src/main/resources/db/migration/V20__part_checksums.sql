-- The SHA-256 of each part of an upload in parts, when the client declared them (hex, in part order): every part
-- URL, first or re-signed, binds its part's checksum, so S3 refuses other bytes for that part.
alter table room_assets
    add column part_sha256s text[],
    add constraint room_assets_part_sha256s_need_parts check (part_sha256s is null or part_size is not null);
