package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A share or download link; only its token's SHA-256 is stored. */
@Entity
@Table(name = "links")
public class Link {
    @Id
    public UUID id;
    @Column(name = "owner_id")
    public String ownerId;
    @Enumerated(EnumType.STRING)
    public LinkKind kind;
    @Column(name = "token_hash")
    public byte[] tokenHash;
    /** Set for a collection's link; null for a link to assets, or once the collection was deleted. */
    @Column(name = "collection_id")
    public UUID collectionId;
    /** How many assets the link named (1 for a collection's link). */
    @Column(name = "target_count")
    public int targetCount;
    @Column(name = "max_downloads")
    public int maxDownloads;
    public int downloads;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_accessed_at")
    public Instant lastAccessedAt;
    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * Whether everything the link named is still there, given how many of its asset rows are left: a collection's
     * link lives as long as the collection; an asset link as long as every asset it named.
     */
    public boolean targetPresent(long assetRowsLeft) {
        return collectionId != null || assetRowsLeft >= targetCount;
    }
}
