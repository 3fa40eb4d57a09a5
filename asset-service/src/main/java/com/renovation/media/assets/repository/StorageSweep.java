package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A prefix of a bucket to delete again once no upload URL can write under it any more. */
@Entity
@Table(name = "storage_sweeps")
public class StorageSweep {
    @Id
    public UUID id;
    public String bucket;
    public String prefix;
    @Column(name = "due_at")
    public Instant dueAt;
    public int attempts;

    public static StorageSweep of(String bucket, String prefix, Instant dueAt) {
        StorageSweep sweep = new StorageSweep();
        sweep.id = UUID.randomUUID();
        sweep.bucket = bucket;
        sweep.prefix = prefix;
        sweep.dueAt = dueAt;
        return sweep;
    }
}
