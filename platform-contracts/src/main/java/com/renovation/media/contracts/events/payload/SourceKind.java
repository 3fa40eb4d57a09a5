package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a variant was made from. */
public enum SourceKind {
    @JsonProperty("room_asset")
    ROOM_ASSET,
    @JsonProperty("style_image")
    STYLE_IMAGE
}
