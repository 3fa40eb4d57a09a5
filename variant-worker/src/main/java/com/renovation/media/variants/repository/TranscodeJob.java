package com.renovation.media.variants.repository;

import com.renovation.media.contracts.events.payload.SourceKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumeratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The web MP4 of one accepted video, still to make (or made, or given up), with what its probe accepted. */
@Entity
@Table(name = "transcode_jobs")
public class TranscodeJob {

    /** Where a job stands; a pending one is claimed by a worker for the length of its lease. */
    public enum Status {
        PENDING("pending"),
        DONE("done"),
        FAILED("failed");

        /** As the schema's CHECK spells it. */
        @EnumeratedValue
        private final String value;

        Status(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    @Id
    @Column(name = "source_id")
    public UUID sourceId;
    @Column(name = "source_kind")
    @Enumerated(EnumType.STRING)
    public SourceKind sourceKind;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "source_bucket")
    public String sourceBucket;
    @Column(name = "source_path")
    public String sourcePath;
    @Column(name = "source_type")
    public String sourceType;
    @Column(name = "duration_seconds")
    public double durationSeconds;
    @Column(name = "video_stream")
    public int videoStream;
    @Column(name = "audio_stream")
    public Integer audioStream;
    public int width;
    public int height;
    @Column(name = "expected_variants")
    public int expectedVariants;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
