package com.renovation.media.contracts.events;

import java.util.List;

/** Kafka topic names shared by producers and consumers. */
public final class Topics {
    public static final String ASSET_CONFIRMED = "asset.confirmed";
    public static final String ASSET_DELETED = "asset.deleted";
    public static final String SESSION_DELETED = "session.deleted";
    public static final String ROOM_DELETED = "room.deleted";
    public static final String VARIANT_READY = "variant.ready";
    public static final String VARIANT_FAILED = "variant.failed";
    public static final String DOCUMENT_REQUESTED = "document.requested";
    public static final String DOCUMENT_READY = "document.ready";
    public static final String DOCUMENT_FAILED = "document.failed";
    public static final String CATALOG_IMAGE_ADDED = "catalog.image.added";

    /** Every event topic; the local stack creates them with {@link #PARTITIONS} partitions. */
    public static final List<String> ALL = List.of(ASSET_CONFIRMED, ASSET_DELETED, SESSION_DELETED, ROOM_DELETED,
            VARIANT_READY, VARIANT_FAILED, DOCUMENT_REQUESTED, DOCUMENT_READY, DOCUMENT_FAILED,
            CATALOG_IMAGE_ADDED);

    /** Enough partitions for six worker replicas to share one topic. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }

    /** The dead-letter topic of one consumer group reading one topic. */
    public static String deadLetter(String consumerGroup, String topic) {
        return consumerGroup + "." + topic + ".dlq";
    }
}
