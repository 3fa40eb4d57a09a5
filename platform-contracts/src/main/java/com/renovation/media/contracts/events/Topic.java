package com.renovation.media.contracts.events;

import static com.renovation.media.contracts.events.PlatformService.ASSET_SERVICE;
import static com.renovation.media.contracts.events.PlatformService.CATALOG_SERVICE;
import static com.renovation.media.contracts.events.PlatformService.DOCUMENT_SERVICE;
import static com.renovation.media.contracts.events.PlatformService.ORDER_SERVICE;
import static com.renovation.media.contracts.events.PlatformService.VARIANT_WORKER;

import java.util.List;

/**
 * The topic registry: every event topic with the SmallRye channel its consumers read it through, the one service
 * that publishes it and the services that consume it. Consumers' channel configuration (platform-messaging's
 * {@code ChannelConfigSource}), the dead-letter topics, the local stack's topics and the deployment's topic Job,
 * compose job and Kafka ACLs all derive from, or are checked against, this list.
 */
public enum Topic {
    ASSET_CONFIRMED(Topics.ASSET_CONFIRMED, Channels.ASSET_CONFIRMED, ASSET_SERVICE, VARIANT_WORKER, ORDER_SERVICE),
    ASSET_DELETED(Topics.ASSET_DELETED, Channels.ASSET_DELETED, ASSET_SERVICE, VARIANT_WORKER, ORDER_SERVICE),
    SESSION_DELETED(Topics.SESSION_DELETED, Channels.SESSION_DELETED, ASSET_SERVICE, VARIANT_WORKER,
            DOCUMENT_SERVICE, ORDER_SERVICE),
    ROOM_DELETED(Topics.ROOM_DELETED, Channels.ROOM_DELETED, ASSET_SERVICE, DOCUMENT_SERVICE),
    VARIANT_READY(Topics.VARIANT_READY, Channels.VARIANT_READY, VARIANT_WORKER, ASSET_SERVICE, CATALOG_SERVICE),
    VARIANT_FAILED(Topics.VARIANT_FAILED, Channels.VARIANT_FAILED, VARIANT_WORKER, ASSET_SERVICE, CATALOG_SERVICE),
    VIDEO_PROBED(Topics.VIDEO_PROBED, Channels.VIDEO_PROBED, VARIANT_WORKER, ASSET_SERVICE),
    VIDEO_PROGRESS(Topics.VIDEO_PROGRESS, Channels.VIDEO_PROGRESS, VARIANT_WORKER, ASSET_SERVICE),
    DOCUMENT_REQUESTED(Topics.DOCUMENT_REQUESTED, Channels.DOCUMENT_REQUESTED, ASSET_SERVICE, DOCUMENT_SERVICE),
    DOCUMENT_READY(Topics.DOCUMENT_READY, Channels.DOCUMENT_READY, DOCUMENT_SERVICE, ASSET_SERVICE),
    DOCUMENT_FAILED(Topics.DOCUMENT_FAILED, Channels.DOCUMENT_FAILED, DOCUMENT_SERVICE, ASSET_SERVICE),
    CATALOG_IMAGE_ADDED(Topics.CATALOG_IMAGE_ADDED, Channels.CATALOG_IMAGE_ADDED, CATALOG_SERVICE, VARIANT_WORKER),
    CATALOG_IMAGE_PUBLISHED(Topics.CATALOG_IMAGE_PUBLISHED, Channels.CATALOG_IMAGE_PUBLISHED, CATALOG_SERVICE,
            ASSET_SERVICE),
    CATALOG_IMAGE_WITHDRAWN(Topics.CATALOG_IMAGE_WITHDRAWN, Channels.CATALOG_IMAGE_WITHDRAWN, CATALOG_SERVICE,
            ASSET_SERVICE),
    CATALOG_STYLE_CHANGED(Topics.CATALOG_STYLE_CHANGED, Channels.CATALOG_STYLE_CHANGED, CATALOG_SERVICE,
            ASSET_SERVICE),
    /** order-service mails the owner; notifiers outside the platform (push) may read it too. */
    SESSION_EXPIRING(Topics.SESSION_EXPIRING, Channels.SESSION_EXPIRING, ASSET_SERVICE, ORDER_SERVICE),
    ARTEFACT_VERSION_CREATED(Topics.ARTEFACT_VERSION_CREATED, Channels.ARTEFACT_VERSION_CREATED, ASSET_SERVICE,
            DOCUMENT_SERVICE),
    ARTEFACT_EXPORT_REQUESTED(Topics.ARTEFACT_EXPORT_REQUESTED, Channels.ARTEFACT_EXPORT_REQUESTED, ASSET_SERVICE,
            DOCUMENT_SERVICE),
    ARTEFACT_RENDERED(Topics.ARTEFACT_RENDERED, Channels.ARTEFACT_RENDERED, DOCUMENT_SERVICE, ASSET_SERVICE),
    ARTEFACT_RENDER_FAILED(Topics.ARTEFACT_RENDER_FAILED, Channels.ARTEFACT_RENDER_FAILED, DOCUMENT_SERVICE,
            ASSET_SERVICE),
    SHARE_LINK_CREATED(Topics.SHARE_LINK_CREATED, Channels.SHARE_LINK_CREATED, ASSET_SERVICE, ORDER_SERVICE),
    /**
     * The order events are read by order-service too: its notifications and users' webhooks are fed by the
     * events, as a separate notifier would be, and deduplicate by them.
     */
    ORDER_PAID(Topics.ORDER_PAID, Channels.ORDER_PAID, ORDER_SERVICE, ASSET_SERVICE, ORDER_SERVICE),
    ORDER_OUTPUT_READY(Topics.ORDER_OUTPUT_READY, Channels.ORDER_OUTPUT_READY, ORDER_SERVICE, ASSET_SERVICE,
            ORDER_SERVICE),
    ORDER_COMPLETED(Topics.ORDER_COMPLETED, Channels.ORDER_COMPLETED, ORDER_SERVICE, ORDER_SERVICE);

    private final String topicName;
    private final String channel;
    private final PlatformService producer;
    private final List<PlatformService> consumers;

    Topic(String topicName, String channel, PlatformService producer, PlatformService... consumers) {
        this.topicName = topicName;
        this.channel = channel;
        this.producer = producer;
        this.consumers = List.of(consumers);
    }

    /** The Kafka topic's name (also the event type in the envelope). */
    public String topicName() {
        return topicName;
    }

    /** The SmallRye channel ({@code mp.messaging.incoming.<channel>}) every consumer reads the topic through. */
    public String channel() {
        return channel;
    }

    public PlatformService producer() {
        return producer;
    }

    public List<PlatformService> consumers() {
        return consumers;
    }

    /** The dead-letter topic of each consumer group reading this topic. */
    public List<String> deadLetters() {
        return consumers.stream().map(consumer -> consumer.deadLetter(this)).toList();
    }

    /** The registered topic of this name. */
    public static Topic named(String topicName) {
        for (Topic topic : values()) {
            if (topic.topicName.equals(topicName)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("no registered topic " + topicName);
    }
}
