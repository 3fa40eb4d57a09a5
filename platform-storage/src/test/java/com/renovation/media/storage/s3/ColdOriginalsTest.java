package com.renovation.media.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** The rule as pure logic: S3Proxy, the tests' S3 server, answers 501 to the lifecycle API. */
class ColdOriginalsTest {

    private static final Path DEPLOYED = Path.of("..", "deploy", "s3-lifecycle-originals.json");

    @Test
    void theDefaultRuleMovesTaggedOriginalsToStandardIaAfter90Days() {
        LifecycleRule rule = ColdOriginals.rule(Duration.ofDays(90), "STANDARD_IA");
        assertThat(rule.id()).isEqualTo("originals-cold");
        assertThat(rule.statusAsString()).isEqualTo("Enabled");
        assertThat(rule.filter().prefix()).as("a prefix would take variants too").isNull();
        assertThat(rule.filter().tag().key()).isEqualTo("platform-object");
        assertThat(rule.filter().tag().value()).isEqualTo("original");
        assertThat(rule.transitions()).singleElement().satisfies(t -> {
            assertThat(t.days()).isEqualTo(90);
            assertThat(t.storageClass()).isEqualTo(TransitionStorageClass.STANDARD_IA);
        });
    }

    @Test
    void theDeployedDocumentIsTheDefaultRule() throws IOException {
        JsonNode rules = new ObjectMapper().readTree(DEPLOYED.toFile()).get("Rules");
        assertThat(rules).hasSize(1);
        JsonNode deployed = rules.get(0);
        LifecycleRule rule = ColdOriginals.rule(Duration.ofDays(90), "STANDARD_IA");
        assertThat(deployed.get("ID").asText()).isEqualTo(rule.id());
        assertThat(deployed.get("Status").asText()).isEqualTo(rule.statusAsString());
        assertThat(deployed.at("/Filter/Tag/Key").asText()).isEqualTo(ColdOriginals.TAG_KEY);
        assertThat(deployed.at("/Filter/Tag/Value").asText()).isEqualTo(ColdOriginals.TAG_VALUE);
        assertThat(deployed.get("Transitions")).hasSize(1);
        Transition transition = rule.transitions().get(0);
        assertThat(deployed.at("/Transitions/0/Days").asInt()).isEqualTo(transition.days());
        assertThat(deployed.at("/Transitions/0/StorageClass").asText()).isEqualTo(transition.storageClassAsString());
    }

    @Test
    void onlyClassesReadWithoutARestoreAreTaken() {
        assertThat(ColdOriginals.rule(Duration.ofDays(30), "GLACIER_IR").transitions().get(0).storageClass())
                .isEqualTo(TransitionStorageClass.GLACIER_IR);
        assertThat(ColdOriginals.rule(Duration.ofDays(1), "INTELLIGENT_TIERING").transitions().get(0).days())
                .isEqualTo(1);
        for (String archive : List.of("GLACIER", "DEEP_ARCHIVE", "STANDARD", "standard_ia", "")) {
            assertThatThrownBy(() -> ColdOriginals.rule(Duration.ofDays(90), archive))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage-class");
        }
    }

    @Test
    void theAgeIsWholeDaysAndNotBelowWhatS3TakesForInfrequentAccess() {
        assertThatThrownBy(() -> ColdOriginals.rule(Duration.ofHours(36), "STANDARD_IA"))
                .hasMessageContaining("whole days");
        assertThatThrownBy(() -> ColdOriginals.rule(Duration.ZERO, "GLACIER_IR")).hasMessageContaining("whole days");
        assertThatThrownBy(() -> ColdOriginals.rule(Duration.ofDays(29), "ONEZONE_IA")).hasMessageContaining("30");
        assertThat(ColdOriginals.rule(Duration.ofDays(30), "ONEZONE_IA").transitions().get(0).days()).isEqualTo(30);
    }

    @Test
    void applyingReplacesItsOwnRuleAndKeepsTheBucketsOthers() {
        LifecycleRule abortParts = LifecycleRule.builder().id("abort-incomplete-uploads").status("Enabled")
                .filter(f -> f.prefix("")).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(2)).build();
        LifecycleRule older = ColdOriginals.rule(Duration.ofDays(60), "STANDARD_IA");
        LifecycleRule rule = ColdOriginals.rule(Duration.ofDays(90), "STANDARD_IA");

        assertThat(ColdOriginals.merged(List.of(), rule)).containsExactly(rule);
        assertThat(ColdOriginals.merged(List.of(abortParts), rule)).containsExactly(abortParts, rule);
        assertThat(ColdOriginals.merged(List.of(older, abortParts), rule)).containsExactly(rule, abortParts);
        List<LifecycleRule> applied = List.of(rule, abortParts);
        assertThat(ColdOriginals.merged(applied, rule)).as("nothing to write").isEqualTo(applied);
    }
}
