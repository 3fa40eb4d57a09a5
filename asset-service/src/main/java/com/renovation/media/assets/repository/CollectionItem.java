package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A library item's place in a collection. */
@Entity
@Table(name = "collection_items")
@IdClass(CollectionItem.Key.class)
public class CollectionItem {
    @Id
    @Column(name = "collection_id")
    public UUID collectionId;
    @Id
    @Column(name = "library_item_id")
    public UUID libraryItemId;
    public int position;
    @Column(name = "added_at")
    public Instant addedAt;

    public record Key(UUID collectionId, UUID libraryItemId) implements Serializable {
    }
}
