package com.renovation.media.variants.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.variants.VariantStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enums this service stores map onto values the schema's CHECK constraints allow. */
class ColumnValuesTest {

    private static List<String> allowed(String column) throws IOException {
        return allowed("V1__variants_schema.sql", column);
    }

    private static List<String> allowed(String migration, String column) throws IOException {
        try (InputStream in = ColumnValuesTest.class.getResourceAsStream("/db/migration/" + migration)) {
            String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher check = Pattern.compile("CHECK \\(" + column + " IN \\(([^)]*)\\)\\)").matcher(schema);
            assertThat(check.find()).as("CHECK on %s", column).isTrue();
            return Arrays.stream(check.group(1).split(",")).map(v -> v.strip().replace("'", "")).toList();
        }
    }

    @Test
    void sourceKindsAreStoredAsTheSchemaSpellsThem() throws IOException {
        assertThat(Arrays.stream(SourceKind.values()).map(SourceKind::value))
                .containsExactlyInAnyOrderElementsOf(allowed("source_kind"));
    }

    @Test
    void variantStatusesAreOnesTheSchemaAllows() throws IOException {
        // the worker records a variant once it is stored or refused: the schema's pending/processing go unused
        assertThat(allowed("processing_status"))
                .containsAll(Arrays.stream(VariantStatus.values()).map(VariantStatus::value).toList());
    }

    @Test
    void transcodeJobStatusesAreStoredAsTheSchemaSpellsThem() throws IOException {
        assertThat(Arrays.stream(TranscodeJob.Status.values()).map(TranscodeJob.Status::value))
                .containsExactlyInAnyOrderElementsOf(allowed("V3__transcode_jobs.sql", "status"));
        assertThat(allowed("V3__transcode_jobs.sql", "source_kind"))
                .containsExactlyInAnyOrderElementsOf(allowed("source_kind"));
    }
}
