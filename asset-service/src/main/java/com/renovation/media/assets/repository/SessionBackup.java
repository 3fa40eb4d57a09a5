package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One complete backup of a session: its objects are all written before this row exists. */
@Entity
@Table(name = "session_backups")
public class SessionBackup {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Enumerated(EnumType.STRING)
    public BackupTrigger trigger;
    /** The session's last activity this backup covers. */
    @Column(name = "activity_at")
    public Instant activityAt;
    public int rooms;
    public int assets;
    public int comparisons;
    public int documents;
    /** The manifest's and the copied originals' bytes together. */
    public long bytes;
    @Column(name = "manifest_key")
    public String manifestKey;
    @Column(name = "created_at")
    public Instant createdAt;
}
