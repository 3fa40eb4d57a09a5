-- Every catalog.image.published / catalog.image.withdrawn event of an image takes the next number here, in the
-- transaction that makes the change (the UPDATE holds the row until commit), so consumers can apply an image's
-- events in order and ignore an older one arriving late. 0: never published.
ALTER TABLE style_images ADD COLUMN published_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX idx_style_images_unpublished ON style_images (id) WHERE published_version = 0 AND status <> 'uploading';
