package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.BackupTrigger;
import com.renovation.media.assets.repository.SessionBackup;
import java.time.Instant;
import java.util.UUID;

/** One backup of a session: what it holds ({@code bytes}: the manifest and the copied originals). */
public record BackupView(UUID id, UUID sessionId, BackupTrigger trigger, Instant createdAt, int rooms, int assets,
        int comparisons, int documents, long bytes) {

    public static BackupView of(SessionBackup b) {
        return new BackupView(b.id, b.sessionId, b.trigger, b.createdAt, b.rooms, b.assets, b.comparisons,
                b.documents, b.bytes);
    }
}
