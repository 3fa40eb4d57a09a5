package com.renovation.media.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicRegistryTest {

    @Test
    void topicAndChannelNamesAreUniqueAndTopicsAllListsTheRegistry() {
        List<String> names = Arrays.stream(Topic.values()).map(Topic::topicName).toList();
        List<String> channels = Arrays.stream(Topic.values()).map(Topic::channel).toList();
        assertThat(names).doesNotHaveDuplicates().containsExactlyElementsOf(Topics.ALL);
        assertThat(channels).doesNotHaveDuplicates();
    }

    @Test
    void everyTopicHasConsumersAndOnlyOrderEventsAreReadByTheirProducer() {
        // order-service's notifications and users' webhooks are fed by its own order events, as an outside
        // notifier would be; no other service reads what it publishes
        Set<Topic> readByProducer = Set.of(Topic.ORDER_PAID, Topic.ORDER_OUTPUT_READY, Topic.ORDER_COMPLETED);
        for (Topic topic : Topic.values()) {
            assertThat(topic.consumers()).as(topic.topicName()).doesNotHaveDuplicates().isNotEmpty();
            assertThat(topic.consumers().contains(topic.producer())).as(topic.topicName())
                    .isEqualTo(readByProducer.contains(topic));
        }
    }

    @Test
    void aDeadLetterTopicIsNamedAfterTheConsumerGroupAndTheTopic() {
        assertThat(PlatformService.CATALOG_SERVICE.deadLetter(Topic.VARIANT_READY))
                .isEqualTo("catalog-service.variant.ready.dlq");
        assertThat(Topic.SESSION_DELETED.deadLetters()).containsExactly("variant-worker.session.deleted.dlq",
                "document-service.session.deleted.dlq", "order-service.session.deleted.dlq");
        assertThat(Topics.DEAD_LETTERS).hasSize(32).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).endsWith(".dlq")).doesNotContainAnyElementsOf(Topics.ALL);
    }

    @Test
    void aServiceHasNoDeadLetterTopicForATopicItDoesNotRead() {
        assertThatThrownBy(() -> PlatformService.CATALOG_SERVICE.deadLetter(Topic.ASSET_CONFIRMED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset.confirmed");
    }

    @Test
    void eachServiceConsumesAsItsOwnGroup() {
        assertThat(PlatformService.named("document-service")).contains(PlatformService.DOCUMENT_SERVICE);
        assertThat(PlatformService.named("messaging-it")).isEmpty();
        assertThat(PlatformService.DOCUMENT_SERVICE.consumerGroup()).isEqualTo("document-service");
        assertThat(PlatformService.DOCUMENT_SERVICE.consumes()).containsExactly(Topic.SESSION_DELETED,
                Topic.ROOM_DELETED, Topic.DOCUMENT_REQUESTED, Topic.ARTEFACT_VERSION_CREATED,
                Topic.ARTEFACT_EXPORT_REQUESTED);
        assertThat(PlatformService.DOCUMENT_SERVICE.produces()).containsExactly(Topic.DOCUMENT_READY,
                Topic.DOCUMENT_FAILED, Topic.ARTEFACT_RENDERED, Topic.ARTEFACT_RENDER_FAILED);
    }
}
