package com.renovation.media.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.renovation.media.contracts.documents.DocumentType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml describes exactly the topics of {@link Topics#ALL}, each channel's payload schema has exactly
 * the fields of the payload record published on that topic, and its producer, consumers (their groups and
 * dead-letter topics) are the registry's ({@link Topic}): the document cannot drift from the code.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    private static final String PAYLOADS = "com.renovation.media.contracts.events.payload.";

    private static JsonNode document() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }

    private static String refName(JsonNode ref) {
        String path = ref.get("$ref").asText();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void itListsExactlyTheTopicsOfTheRegistry() throws Exception {
        List<String> addresses = new ArrayList<>();
        document().get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void eachChannelsPayloadIsTheRecordPublishedOnItFieldForField() throws Exception {
        JsonNode document = document();
        for (JsonNode channel : document.get("channels")) {
            String topic = channel.get("address").asText();
            JsonNode message = document.at("/components/messages/" + refName(channel.get("messages").elements().next()));
            String schemaName = refName(message.get("payload"));
            JsonNode schema = document.at("/components/schemas/" + schemaName);

            Class<?> record = Class.forName(PAYLOADS + schemaName);
            assertThat(record.isRecord()).as(schemaName).isTrue();
            assertThat(((EventPayload) sample(record)).topic()).as("topic of " + schemaName).isEqualTo(topic);
            List<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("properties of " + schemaName).containsExactlyElementsOf(fields);
            schema.get("required").forEach(required -> assertThat(fields).as("required of " + schemaName)
                    .contains(required.asText()));
        }
    }

    @Test
    void documentRequestedNamesEveryDocumentTypeAndTheFieldsOfItsContent() throws Exception {
        JsonNode schema = document().at("/components/schemas/DocumentRequested/properties");
        List<String> types = new ArrayList<>();
        schema.at("/documentType/enum").forEach(type -> types.add(type.asText()));
        assertThat(types).containsExactlyElementsOf(Arrays.stream(DocumentType.values()).map(DocumentType::value)
                .toList());
        List<String> contents = new ArrayList<>();
        schema.at("/content/oneOf").forEach(ref -> contents.add(refName(ref)));
        assertThat(contents).containsExactlyElementsOf(Arrays.stream(DocumentType.values())
                .map(type -> type.contentClass().getSimpleName()).toList());
        for (DocumentType type : DocumentType.values()) {
            List<String> properties = new ArrayList<>();
            document().at("/components/schemas/" + type.contentClass().getSimpleName() + "/properties").fieldNames()
                    .forEachRemaining(properties::add);
            assertThat(properties).as("properties of " + type.value()).containsExactlyElementsOf(Arrays
                    .stream(type.contentClass().getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }

    @Test
    void everyChannelHasOneProducerAndAtLeastOneConsumer() throws Exception {
        JsonNode document = document();
        document.get("channels").fieldNames().forEachRemaining(id -> {
            List<String> actions = new ArrayList<>();
            document.get("operations").forEach(operation -> {
                if (refName(operation.get("channel")).equals(id)) {
                    actions.add(operation.get("action").asText());
                }
            });
            assertThat(actions).as(id).containsOnlyOnce("send");
            if (!document.get("channels").get(id).get("address").asText().equals(Topics.SESSION_EXPIRING)) {
                assertThat(actions).as(id).contains("receive"); // session.expiring: for notifiers outside
            }
        });
    }

    @Test
    void eachChannelsProducerConsumersAndDeadLetterTopicsAreTheRegistrys() throws Exception {
        JsonNode document = document();
        for (Topic topic : Topic.values()) {
            List<String> senders = new ArrayList<>();
            List<String> receivers = new ArrayList<>();
            document.get("operations").fields().forEachRemaining(operation -> {
                String channel = refName(operation.getValue().get("channel"));
                if (!document.get("channels").get(channel).get("address").asText().equals(topic.topicName())) {
                    return;
                }
                String service = operation.getKey().substring(0, operation.getKey().indexOf('.'));
                if (operation.getValue().get("action").asText().equals("send")) {
                    senders.add(service);
                    return;
                }
                receivers.add(service);
                PlatformService.named(service).ifPresent(consumer -> assertThat(operation.getValue()
                        .get("summary").asText()).as(operation.getKey())
                        .contains("consumer group " + consumer.consumerGroup())
                        .contains("dead-letter topic " + consumer.deadLetter(topic)));
            });
            assertThat(senders).as("producer of " + topic.topicName())
                    .containsExactly(topic.producer().serviceName());
            assertThat(receivers).as("consumers of " + topic.topicName()).containsExactlyInAnyOrderElementsOf(
                    topic.consumers().stream().map(PlatformService::serviceName).toList());
        }
    }

    /** An instance with neutral values: enough to ask the payload its topic. */
    private static Object sample(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> constructor = record.getDeclaredConstructor(types);
        Object[] values = Arrays.stream(types).map(AsyncApiDocumentTest::neutral).toArray();
        return constructor.newInstance(values);
    }

    private static Object neutral(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0.0;
        }
        return type == long.class ? (Object) 0L : null;
    }
}
