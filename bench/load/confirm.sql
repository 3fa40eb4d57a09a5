-- The statements asset-service runs for one request-upload and one confirm, as pgbench sees them.
-- Variables: :session, :room (a bench session and room made by run.sh, passed quoted: pgbench substitutes text).
BEGIN;
SELECT id, session_id FROM assets.rooms WHERE id = :room;
SELECT id, owner_id FROM assets.sessions WHERE id = :session;
INSERT INTO assets.room_assets (id, session_id, room_id, uploaded_by, asset_type, storage_path, source, status,
    original_filename, content_type, file_size, metadata)
VALUES (gen_random_uuid(), :session, :room, 'pgbench', 'photo', 'pgbench/' || gen_random_uuid(), 'user_upload',
    'pending', 'load.jpg', 'image/jpeg', 631, '{}') RETURNING quote_literal(id) AS asset \gset
COMMIT;
BEGIN;
SELECT * FROM assets.room_assets WHERE id = :asset;
SELECT id, owner_id FROM assets.sessions WHERE id = :session;
SELECT * FROM assets.room_assets WHERE id = :asset FOR UPDATE;
UPDATE assets.room_assets SET status = 'uploaded', sha256 = md5(random()::text) || md5(random()::text),
    width = 64, height = 48, confirmed_at = now(), updated_at = now() WHERE id = :asset;
-- stamped sent: the relay must not publish bench rows
INSERT INTO assets.outbox (id, topic, subject, payload, sent_at)
VALUES (gen_random_uuid(), 'load-bench', :asset, '{}', now());
SELECT * FROM assets.asset_variants WHERE parent_asset_id = :asset;
COMMIT;
