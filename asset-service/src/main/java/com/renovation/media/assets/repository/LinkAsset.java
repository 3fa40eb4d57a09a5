package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One asset a link names, at its position; the row goes when the asset is deleted (cascade). */
@Entity
@Table(name = "link_assets")
@IdClass(LinkAsset.Key.class)
public class LinkAsset {
    @Id
    @Column(name = "link_id")
    public UUID linkId;
    @Id
    @Column(name = "asset_id")
    public UUID assetId;
    public int position;

    public static LinkAsset of(UUID linkId, UUID assetId, int position) {
        LinkAsset row = new LinkAsset();
        row.linkId = linkId;
        row.assetId = assetId;
        row.position = position;
        return row;
    }

    /** The primary key (link_id, asset_id). */
    public static class Key implements Serializable {
        public UUID linkId;
        public UUID assetId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(linkId, k.linkId) && Objects.equals(assetId, k.assetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(linkId, assetId);
        }
    }
}
