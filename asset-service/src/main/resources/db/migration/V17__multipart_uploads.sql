-- A pending upload sent in parts (POST /assets/uploads answering a multipart ticket): the S3 multipart upload its
-- parts go to, set once S3 has started it, and the size of every part but the last (which is the rest).
alter table room_assets
    add column multipart_upload_id text,
    add column part_size bigint,
    add constraint room_assets_multipart_part_size check (multipart_upload_id is null or part_size is not null),
    add constraint room_assets_part_size_positive check (part_size is null or part_size > 0);
