package com.renovation.media.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.documents.service.DocumentExpiry;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The expiry leases expired rows in one transaction, deletes their PDFs outside any, then the rows in a second.
 * A run that dies after its claim leaves rows and PDFs to a run after the lease; a row a renderer still holds waits.
 */
@QuarkusTest
class DocumentExpiryIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    ObjectStore objects;

    @Inject
    DocumentExpiry expiry;

    @Inject
    LockedBatches jobs;

    /** A document in the given state whose expiry is in an hour, with its PDF stored; answers the PDF's key. */
    private String document(UUID id, String status, String leaseUntil) {
        UUID session = UUID.randomUUID();
        String key = StoragePaths.documentKey(session, "checklist_pdf", 1, StoragePaths.uniqueTimestamp());
        Engines.execute("INSERT INTO documents.document_artifacts (id, session_id, owner_id, document_type, title,"
                + " content, storage_path, filename, template_version, status, lease_until, expires_at)"
                + " VALUES (?, ?, 'user-1', 'checklist_pdf', 'Soon gone', '{\"items\":[{\"text\":\"a\"}]}', ?, 'x.pdf',"
                + " '1', ?, " + leaseUntil + ", now() + interval '1 hour')", id, session, key, status);
        objects.put(Buckets.USER_UPLOADS, key, "%PDF-1.4 expiring".getBytes(), "application/pdf").await().atMost(WAIT);
        return key;
    }

    private boolean stored(String key) {
        return objects.head(Buckets.USER_UPLOADS, key).await().atMost(WAIT).isPresent();
    }

    private int runAt(Instant now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> jobs.run(expiry, now));
    }

    @Test
    void whatARunThatDiedAfterItsClaimLeftIsRemovedOnceTheLeaseHasPassed() throws Throwable {
        UUID id = UUID.randomUUID();
        String key = document(id, "ready", "NULL");
        Instant expired = Instant.now().plus(Duration.ofHours(2));

        // the claim commits, then the replica dies: neither the PDF nor the row is deleted
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> expiry.claim(expired, 100)));
        assertThat(Engines.column(id, "id")).isNotNull();
        assertThat(stored(key)).isTrue();

        runAt(expired.plusSeconds(60));
        assertThat(Engines.column(id, "id")).as("still leased to the run that died").isNotNull();
        runAt(expired.plus(LockedBatchJob.LEASE).plusSeconds(1));
        assertThat(Engines.column(id, "id")).isNull();
        assertThat(stored(key)).isFalse();
    }

    @Test
    void anExpiredDocumentARendererStillHoldsWaitsForItsLease() throws Throwable {
        UUID id = UUID.randomUUID();
        String key = document(id, "rendering", "now() + interval '3 hours'");

        runAt(Instant.now().plus(Duration.ofHours(2)));
        assertThat(Engines.column(id, "id")).isNotNull();
        assertThat(stored(key)).isTrue();

        runAt(Instant.now().plus(Duration.ofHours(4)));
        assertThat(Engines.column(id, "id")).isNull();
        assertThat(stored(key)).isFalse();
    }
}
