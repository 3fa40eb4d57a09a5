package com.renovation.media.documents;

import static com.renovation.media.documents.TestDocuments.OWNER;
import static com.renovation.media.documents.TestDocuments.WAIT;
import static com.renovation.media.documents.TestDocuments.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.documents.config.DocumentConfig;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A render that dies with its process (out of memory, killed) leaves its row claimed until the lease runs
 * out; each claim counts as an attempt, and after the configured attempts the document fails instead of
 * being claimed, and crashing the next replica, forever.
 */
@QuarkusTest
class RenderAttemptsIT {

    @Inject
    DocumentConfig config;
    @Inject
    ObjectStore objects;

    /** A row as the last of {@code claims} renderers left it: claimed, its lease run out. */
    private static UUID abandonedAfter(UUID session, int claims) {
        UUID document = UUID.randomUUID();
        Engines.execute("INSERT INTO documents.document_artifacts (id, session_id, owner_id, document_type, title,"
                + " content, storage_path, filename, template_version, status, attempts, lease_until)"
                + " VALUES (?, ?, ?, 'checklist_pdf', 'Crashing', '{\"items\":[{\"text\":\"a\",\"done\":false}]}', ?,"
                + " 'x.pdf', '1', 'rendering', ?, now() - interval '1 second')", document, session, OWNER,
                StoragePaths.documentKey(session, "checklist_pdf", 1, StoragePaths.uniqueTimestamp()), claims);
        return document;
    }

    @Test
    void aRenderThatDiedOnEveryAttemptEndsFailedInsteadOfBeingClaimedAgain() {
        UUID session = UUID.randomUUID();
        UUID document = abandonedAfter(session, config.maxAttempts());

        JsonNode failed = outcome(document, Topics.DOCUMENT_FAILED);

        assertThat(failed.get("error").asText()).contains(config.maxAttempts() + " attempts");
        assertThat(Engines.column(document, "status")).isEqualTo("failed");
        await().during(Duration.ofSeconds(4)).atMost(WAIT).until(() ->
                Integer.parseInt(Engines.column(document, "attempts")) == config.maxAttempts());
        assertThat(Engines.events(Topics.DOCUMENT_READY, document.toString())).isEmpty();
        assertThat(objects.list(Buckets.USER_UPLOADS, StoragePaths.sessionPrefix(session)).await().atMost(WAIT))
                .isEmpty();
    }

    @Test
    void aRenderWithAnAttemptLeftIsTakenOverAndFinished() {
        UUID document = abandonedAfter(UUID.randomUUID(), config.maxAttempts() - 1);

        outcome(document, Topics.DOCUMENT_READY);

        assertThat(Engines.column(document, "status")).isEqualTo("ready");
        assertThat(Engines.column(document, "attempts")).isEqualTo(String.valueOf(config.maxAttempts()));
    }
}
