-- Where an upload in parts is assembled. Since this version S3 starts it at the asset's own key (storage_path):
-- once confirm has completed it, its part URLs (bound to the upload id) write nothing more, so the checked bytes
-- need no copy. Rows from before keep false: their upload lives at the incoming key, and confirm copies it over.
alter table room_assets
    add column parts_at_own_key boolean not null default false,
    add constraint room_assets_parts_at_own_key_need_parts check (not parts_at_own_key or part_size is not null);
