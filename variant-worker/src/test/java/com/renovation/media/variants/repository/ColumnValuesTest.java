package com.renovation.media.variants.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.contracts.events.payload.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enums map exactly onto the values the schema's CHECK constraints allow, both ways. */
class ColumnValuesTest {

    private static List<String> allowed(String column) throws IOException {
        try (InputStream in = ColumnValuesTest.class.getResourceAsStream("/db/migration/V1__variants_schema.sql")) {
            String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher check = Pattern.compile("CHECK \\(" + column + " IN \\(([^)]*)\\)\\)").matcher(schema);
            assertThat(check.find()).as("CHECK on %s", column).isTrue();
            return Arrays.stream(check.group(1).split(",")).map(v -> v.strip().replace("'", "")).toList();
        }
    }

    @Test
    void sourceKindsAreStoredAsTheSchemaSpellsThem() throws IOException {
        SourceKindColumn column = new SourceKindColumn();
        assertThat(Arrays.stream(SourceKind.values()).map(column::convertToDatabaseColumn))
                .containsExactlyInAnyOrderElementsOf(allowed("source_kind"));
        for (SourceKind kind : SourceKind.values()) {
            assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(kind))).isEqualTo(kind);
        }
    }

    @Test
    void variantStatusesAreStoredAsTheSchemaSpellsThem() throws IOException {
        VariantStatusColumn column = new VariantStatusColumn();
        assertThat(Arrays.stream(VariantStatus.values()).map(column::convertToDatabaseColumn))
                .containsExactlyInAnyOrderElementsOf(allowed("processing_status"));
        for (VariantStatus status : VariantStatus.values()) {
            assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(status))).isEqualTo(status);
        }
        assertThatThrownBy(() -> column.convertToEntityAttribute("done")).hasMessageContaining("done");
    }
}
