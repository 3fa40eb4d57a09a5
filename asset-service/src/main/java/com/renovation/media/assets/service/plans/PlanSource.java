package com.renovation.media.assets.service.plans;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a user's effective plan came from. */
public enum PlanSource {
    /** An admin set it for the user. */
    OVERRIDE,
    /** The user's token names it. */
    CLAIM,
    /** Neither: the configured default. */
    DEFAULT;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
