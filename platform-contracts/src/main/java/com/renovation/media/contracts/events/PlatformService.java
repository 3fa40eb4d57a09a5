package com.renovation.media.contracts.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The services that publish and consume events. Each consumes as one consumer group named after it (its
 * {@code quarkus.application.name}), and sends what it cannot apply to one dead-letter topic per topic it reads.
 */
public enum PlatformService {
    ASSET_SERVICE("asset-service"),
    VARIANT_WORKER("variant-worker"),
    DOCUMENT_SERVICE("document-service"),
    CATALOG_SERVICE("catalog-service"),
    ORDER_SERVICE("order-service");

    private final String serviceName;

    PlatformService(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The service's application name. */
    public String serviceName() {
        return serviceName;
    }

    /** The Kafka consumer group every replica of the service joins. */
    public String consumerGroup() {
        return serviceName;
    }

    /** The topics the service reads, in registry order. */
    public List<Topic> consumes() {
        return Arrays.stream(Topic.values()).filter(topic -> topic.consumers().contains(this)).toList();
    }

    /** The topics the service publishes through its outbox. */
    public List<Topic> produces() {
        return Arrays.stream(Topic.values()).filter(topic -> topic.producer() == this).toList();
    }

    /** Where this service's consumer group sends the records of {@code topic} it cannot apply. */
    public String deadLetter(Topic topic) {
        if (!topic.consumers().contains(this)) {
            throw new IllegalArgumentException(serviceName + " does not consume " + topic.topicName());
        }
        return Topics.deadLetter(consumerGroup(), topic.topicName());
    }

    /** The dead-letter topics of every topic the service reads. */
    public List<String> deadLetters() {
        return consumes().stream().map(this::deadLetter).toList();
    }

    /** The service of this application name, if it is one of the platform's. */
    public static Optional<PlatformService> named(String serviceName) {
        return Arrays.stream(values()).filter(service -> service.serviceName.equals(serviceName)).findFirst();
    }
}
