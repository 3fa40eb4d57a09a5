package com.renovation.media.assets.service.reviews;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Where a render stands in its review; kept in the asset's {@code metadata.approvalStatus} (absent = draft). */
public enum ApprovalStatus {
    DRAFT("draft"),
    PENDING_REVIEW("pending_review"),
    APPROVED("approved"),
    REJECTED("rejected");

    private final String value;

    ApprovalStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<ApprovalStatus> find(Object value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
