package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One saved version of an artefact, without its text (that is {@link ArtefactContent}, read only on demand). */
@Entity
@Table(name = "artefact_versions")
@IdClass(ArtefactVersion.Key.class)
public class ArtefactVersion {

    /** A version is named by its artefact and its number. */
    public static class Key implements Serializable {
        public UUID artefactId;
        public int version;

        public Key() {
        }

        public Key(UUID artefactId, int version) {
            this.artefactId = artefactId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && Objects.equals(artefactId, key.artefactId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(artefactId, version);
        }
    }

    @Id
    @Column(name = "artefact_id")
    public UUID artefactId;
    @Id
    public int version;
    @Column(name = "owner_id")
    public String ownerId;
    public String author;
    public String message;
    @Column(name = "content_bytes")
    public int contentBytes;
    public String sha256;
    @Column(name = "restored_from")
    public Integer restoredFrom;
    @Column(name = "source_key")
    public String sourceKey;
    @Column(name = "thumbnail_status")
    @Enumerated(EnumType.STRING)
    public RenderStatus thumbnailStatus;
    @Column(name = "thumbnail_key")
    public String thumbnailKey;
    @Column(name = "thumbnail_error")
    public String thumbnailError;
    @Column(name = "created_at")
    public Instant createdAt;
}
