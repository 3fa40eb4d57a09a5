package com.renovation.media.contracts.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The enums keep the values both schemas' CHECK constraints and every client already use. */
class DocumentTypeTest {

    @Test
    void typesMapToTheirColumnValuesAndContentRecords() {
        assertThat(Arrays.stream(DocumentType.values()).map(DocumentType::value))
                .containsExactly("checklist_pdf", "plan_pdf", "estimate_pdf", "room_report_pdf", "contract_draft");
        assertThat(DocumentType.of("estimate_pdf")).isEqualTo(DocumentType.ESTIMATE);
        assertThat(DocumentType.ROOM_REPORT.contentClass()).isEqualTo(RoomReport.class);
        assertThat(DocumentType.find("poster_pdf")).isEmpty();
        assertThatThrownBy(() -> DocumentType.of("Checklist_pdf")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DocumentType.allValues()).isEqualTo("checklist_pdf, plan_pdf, estimate_pdf, room_report_pdf, contract_draft");
        for (DocumentType type : DocumentType.values()) {
            assertThat(new DocumentTypeIds().idFromValueAndType(null, type.contentClass())).isEqualTo(type.value());
        }
    }

    @Test
    void statusesMapToTheirColumnValues() {
        assertThat(Arrays.stream(DocumentStatus.values()).map(DocumentStatus::value))
                .containsExactly("pending", "rendering", "ready", "failed");
        assertThat(DocumentStatus.of("ready")).isEqualTo(DocumentStatus.READY);
        assertThatThrownBy(() -> DocumentStatus.of("done")).isInstanceOf(IllegalArgumentException.class);
    }
}
