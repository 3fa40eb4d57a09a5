package com.renovation.media.contracts.events;

/**
 * Names of the SmallRye channels that read each topic, the same in every consuming service, so configuration
 * ({@code mp.messaging.incoming.<channel>.*}) and code agree.
 */
public final class Channels {
    public static final String ASSET_CONFIRMED = "asset-confirmed";
    public static final String ASSET_DELETED = "asset-deleted";
    public static final String SESSION_DELETED = "session-deleted";
    public static final String ROOM_DELETED = "room-deleted";
    public static final String VARIANT_READY = "variant-ready";
    public static final String VARIANT_FAILED = "variant-failed";
    public static final String VIDEO_PROBED = "video-probed";
    public static final String VIDEO_PROGRESS = "video-progress";
    public static final String DOCUMENT_REQUESTED = "document-requested";
    public static final String DOCUMENT_READY = "document-ready";
    public static final String DOCUMENT_FAILED = "document-failed";
    public static final String CATALOG_IMAGE_ADDED = "catalog-image-added";
    public static final String CATALOG_IMAGE_PUBLISHED = "catalog-image-published";
    public static final String CATALOG_IMAGE_WITHDRAWN = "catalog-image-withdrawn";
    public static final String CATALOG_STYLE_CHANGED = "catalog-style-changed";
    public static final String SESSION_EXPIRING = "session-expiring";
    public static final String ARTEFACT_VERSION_CREATED = "artefact-version-created";
    public static final String ARTEFACT_EXPORT_REQUESTED = "artefact-export-requested";
    public static final String ARTEFACT_RENDERED = "artefact-rendered";
    public static final String ARTEFACT_RENDER_FAILED = "artefact-render-failed";
    public static final String SHARE_LINK_CREATED = "share-link-created";
    public static final String ORDER_PAID = "order-paid";
    public static final String ORDER_OUTPUT_READY = "order-output-ready";
    public static final String ORDER_COMPLETED = "order-completed";

    private Channels() {
    }
}
