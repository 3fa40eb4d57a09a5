package com.renovation.media.messaging.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventEnvelope;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.EventPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and writes the test run's Kafka with plain clients, independent of the code under test: publishes
 * events as their producer service would, and reads what landed on a topic. Shipped in platform-messaging's
 * test-jar for every service's integration tests; the broker is the application's {@code kafka.bootstrap.servers},
 * reached with the application's own security settings ({@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*}).
 */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    private static final List<String> SECURITY_KEYS = List.of("security.protocol", "sasl.mechanism",
            "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type");

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The brokers and the security settings the application under test uses. */
    private static Properties clientProperties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        for (String key : SECURITY_KEYS) {
            ConfigProvider.getConfig().getOptionalValue("kafka." + key, String.class)
                    .filter(value -> !value.isBlank()).ifPresent(value -> props.put(key, value));
        }
        return props;
    }

    /** Publishes the payload in a fresh envelope from {@code source}; answers the record's JSON. */
    public static String publish(String source, EventPayload payload) {
        String json = EventJson.write(EventEnvelope.wrap(source, payload));
        send(payload.topic(), payload.subject(), json);
        return json;
    }

    public static void send(String topic, String key, String value) {
        Properties props = clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends the records (key, value) of one partition's key in one produce request, so that a consumer polls them
     * together: what a relay publishing several events of one subject does.
     */
    public static void sendTogether(String topic, String key, List<String> values) {
        Properties props = clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<?>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            producer.flush();
            for (Future<?> one : sent) {
                one.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** The protocol the consumer group runs on, and how many members it has now. */
    public static GroupState group(String groupId) {
        try (Admin admin = Admin.create(clientProperties())) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups()
                    .get(groupId).get(30, TimeUnit.SECONDS);
            return new GroupState(group.type(), group.members().size());
        } catch (Exception e) {
            throw new IllegalStateException("could not describe group " + groupId, e);
        }
    }

    public record GroupState(GroupType type, int members) {
    }

    /** Every record on the topic so far, in order per partition. */
    public static List<ConsumerRecord<String, String>> records(String topic) {
        return read(topic, null);
    }

    /** The records on the topic whose key is one of {@code keys}. */
    public static List<ConsumerRecord<String, String>> records(String topic, Collection<String> keys) {
        return read(topic, Set.copyOf(keys));
    }

    public static List<ConsumerRecord<String, String>> records(String topic, String key) {
        return read(topic, Set.of(key));
    }

    /** The {@code data} of every event on the topic whose key is {@code key}. */
    public static List<JsonNode> eventData(String topic, String key) {
        return records(topic, key).stream().map(r -> EventJson.read(r.value()).data()).toList();
    }

    private static List<ConsumerRecord<String, String>> read(String topic, Set<String> keys) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            // done once the partitions are assigned and two polls in a row bring nothing new
            int emptyPolls = 0;
            while (emptyPolls < 2) {
                var batch = consumer.poll(Duration.ofMillis(700));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                batch.forEach(r -> {
                    if (keys == null || keys.contains(r.key())) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }
}
