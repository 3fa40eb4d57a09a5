package com.renovation.media.assets.service.reviews;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a reviewer does to a render, each allowed from exactly one state. */
public enum ReviewDecision {
    SUBMIT("submit", ApprovalStatus.DRAFT, ApprovalStatus.PENDING_REVIEW),
    APPROVE("approve", ApprovalStatus.PENDING_REVIEW, ApprovalStatus.APPROVED),
    REJECT("reject", ApprovalStatus.PENDING_REVIEW, ApprovalStatus.REJECTED);

    private final String value;
    private final ApprovalStatus from;
    private final ApprovalStatus to;

    ReviewDecision(String value, ApprovalStatus from, ApprovalStatus to) {
        this.value = value;
        this.from = from;
        this.to = to;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public ApprovalStatus from() {
        return from;
    }

    public ApprovalStatus to() {
        return to;
    }
}
