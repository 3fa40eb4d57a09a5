-- An upload whose bytes (SHA-256) the session already holds answers the asset that has them: looked up by both.
create index room_assets_session_sha256 on room_assets (session_id, sha256) where sha256 is not null;
