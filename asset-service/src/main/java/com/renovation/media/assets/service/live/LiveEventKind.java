package com.renovation.media.assets.service.live;

import com.renovation.media.assets.rest.dto.LiveChanges.ArtefactChange;
import com.renovation.media.assets.rest.dto.LiveChanges.ArtefactRemoved;
import com.renovation.media.assets.rest.dto.LiveChanges.AssetChange;
import com.renovation.media.assets.rest.dto.LiveChanges.AssetRemoved;
import com.renovation.media.assets.rest.dto.LiveChanges.DocumentChange;
import com.renovation.media.assets.rest.dto.LiveChanges.ExportChange;
import com.renovation.media.assets.rest.dto.LiveChanges.LiveChange;
import com.renovation.media.assets.rest.dto.LiveChanges.RoomRemoved;
import com.renovation.media.assets.rest.dto.LiveChanges.SessionRemoved;

/** The {@code event} names of the live channel, each with the one shape its {@code data} has. */
public enum LiveEventKind {
    /** The upload was checked and accepted; variants follow. */
    ASSET_CONFIRMED("asset.confirmed", AssetChange.class),
    /**
     * The first variants are in; for a video also its probe's findings, and each step of its web MP4
     * ({@code processingProgress}).
     */
    ASSET_PROCESSING("asset.processing", AssetChange.class),
    /**
     * Every variant that makes an asset usable is in (JPEG and WebP; a video's posters and web MP4); slower
     * formats follow as asset.variant.
     */
    ASSET_READY("asset.ready", AssetChange.class),
    /** A further variant of a ready asset (AVIF). */
    ASSET_VARIANT("asset.variant", AssetChange.class),
    ASSET_FAILED("asset.failed", AssetChange.class),
    ASSET_DELETED("asset.deleted", AssetRemoved.class),
    ROOM_DELETED("room.deleted", RoomRemoved.class),
    SESSION_DELETED("session.deleted", SessionRemoved.class),
    DOCUMENT_READY("document.ready", DocumentChange.class),
    DOCUMENT_FAILED("document.failed", DocumentChange.class),
    /** A new version of an SVG artefact, or its thumbnail ready or failed. */
    ARTEFACT_CHANGED("artefact.changed", ArtefactChange.class),
    ARTEFACT_DELETED("artefact.deleted", ArtefactRemoved.class),
    /** An export of an artefact is ready or failed. */
    EXPORT_CHANGED("export.changed", ExportChange.class);

    private final String value;
    private final Class<? extends LiveChange> data;

    LiveEventKind(String value, Class<? extends LiveChange> data) {
        this.value = value;
        this.data = data;
    }

    /** The SSE {@code event} field and the {@code live_events.kind} column. */
    public String value() {
        return value;
    }

    /** Fails at the writer, not in a browser, when a kind is paired with the wrong data. */
    void check(LiveChange change) {
        if (!data.isInstance(change)) {
            throw new IllegalArgumentException(value + " carries " + data.getSimpleName() + ", not "
                    + change.getClass().getSimpleName());
        }
    }
}
