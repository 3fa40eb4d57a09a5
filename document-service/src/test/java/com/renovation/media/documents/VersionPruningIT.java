package com.renovation.media.documents;

import static com.renovation.media.documents.TestDocuments.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A request whose plan keeps N versions drops the older versions of its lineage: rows and PDFs. */
@QuarkusTest
class VersionPruningIT {

    @Inject
    ObjectStore objects;

    private static DocumentRequested version(UUID session, UUID room, int version, UUID previous, Integer kept) {
        return new DocumentRequested(UUID.randomUUID(), session, room, TestDocuments.OWNER, DocumentType.CHECKLIST,
                "design", version, previous, "List v" + version,
                TestDocuments.content(DocumentType.CHECKLIST, "{'items':[{'text':'v" + version + "','done':false}]}"),
                null, null, null, kept);
    }

    @Test
    void aLineageKeepsTheNewestVersionsItsPlanAllowsAndOtherLineagesAreUntouched() {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        List<DocumentRequested> made = new ArrayList<>();
        UUID previous = null;
        for (int v = 1; v <= 4; v++) {
            DocumentRequested request = version(session, room, v, previous, null);
            Engines.publish(request);
            TestDocuments.outcome(request.documentId(), Topics.DOCUMENT_READY);
            made.add(request);
            previous = request.documentId();
        }
        // another lineage of the session (no room): never pruned by this one's requests
        DocumentRequested otherLineage = version(session, null, 1, null, null);
        Engines.publish(otherLineage);
        TestDocuments.outcome(otherLineage.documentId(), Topics.DOCUMENT_READY);
        String folder = StoragePaths.documentPrefix(session);
        assertThat(list(folder)).hasSize(5);

        // version 5 on a plan that keeps 2: versions 1 to 3 go
        DocumentRequested fifth = version(session, room, 5, previous, 2);
        Engines.publish(fifth);
        TestDocuments.outcome(fifth.documentId(), Topics.DOCUMENT_READY);

        await().atMost(WAIT).untilAsserted(() -> {
            for (int v = 0; v < 3; v++) {
                assertThat(Engines.column(made.get(v).documentId(), "id")).as("version " + (v + 1)).isNull();
            }
            assertThat(list(folder)).hasSize(3);
        });
        assertThat(Engines.column(made.get(3).documentId(), "status")).isEqualTo("ready");
        assertThat(Engines.column(fifth.documentId(), "status")).isEqualTo("ready");
        assertThat(Engines.column(otherLineage.documentId(), "status")).isEqualTo("ready");
    }

    private List<String> list(String prefix) {
        return objects.list(Buckets.USER_UPLOADS, prefix).await().atMost(WAIT);
    }
}
