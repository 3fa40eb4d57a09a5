-- Issue 18. Temporary uploads (made for an order not paid yet) reuse room_assets.expires_at: the expiry job removes
-- any asset past it, as a user's delete would; order.paid sets it back to NULL.

-- A paid processing's output is a new asset of the session whose parent is the original it was made from. The
-- original may be deleted later: the output stays, no longer linked.
ALTER TABLE room_assets ADD COLUMN parent_asset_id UUID REFERENCES room_assets (id) ON DELETE SET NULL;
CREATE INDEX idx_room_assets_parent ON room_assets (parent_asset_id) WHERE parent_asset_id IS NOT NULL;

-- A restoration's output is a photo again, marked as made by the AI restoration (clients cannot claim it).
ALTER TABLE room_assets DROP CONSTRAINT check_asset_source;
ALTER TABLE room_assets ADD CONSTRAINT check_asset_source
    CHECK (source IN ('user_upload', 'pinterest', 'ai_generated', 'ai_restored'));
