package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's collection (moodboard) of library items. */
@Entity
@Table(name = "collections")
public class UserCollection {
    @Id
    public UUID id;
    @Column(name = "owner_id")
    public String ownerId;
    /** The public address of an unlisted or public collection; never changes. */
    @Column(updatable = false)
    public String slug;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public CollectionVisibility visibility = CollectionVisibility.PRIVATE;
    public String[] tags;
    @Column(name = "cover_item_id")
    public UUID coverItemId;
    /** Kept exact by a trigger on collection_items: never written from here, or a stale value would win. */
    @Column(name = "item_count", insertable = false, updatable = false)
    public int itemCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
