package com.renovation.media.assets.service.reviews;

import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The review of a render: which decision is allowed from which state, and the metadata fields it writes. Those
 * fields belong to the review alone, so uploads and PATCH may only repeat what is stored.
 */
public final class RenderReview {

    public static final String STATUS = "approvalStatus";
    public static final String APPROVED_BY = "approvedBy";
    public static final String APPROVED_AT = "approvedAt";
    public static final String REJECTION_REASON = "rejectionReason";
    static final Set<String> FIELDS = Set.of(STATUS, APPROVED_BY, APPROVED_AT, REJECTION_REASON);
    public static final int MAX_NOTE = 2000;

    private RenderReview() {
    }

    public static ApprovalStatus statusOf(Map<String, Object> metadata) {
        Object value = metadata == null ? null : metadata.get(STATUS);
        return value == null ? ApprovalStatus.DRAFT : ApprovalStatus.find(value).orElse(ApprovalStatus.DRAFT);
    }

    /** The metadata after the decision, or 409 naming the current state when the decision is not allowed. */
    public static Map<String, Object> apply(String assetType, Map<String, Object> metadata, ReviewDecision decision,
            String note, String reviewer, Instant now) {
        if (!"render".equals(assetType)) {
            throw new ApiException(ProblemKind.CONFLICT, "only renders are reviewed; this asset is a " + assetType);
        }
        ApprovalStatus current = statusOf(metadata);
        if (current != decision.from()) {
            throw new ApiException(ProblemKind.CONFLICT, "cannot " + decision.value() + " a render that is "
                    + current.value() + "; " + decision.value() + " needs " + decision.from().value());
        }
        if (decision == ReviewDecision.REJECT && (note == null || note.isBlank())) {
            throw ApiException.invalid("note", "a rejection needs a note saying why");
        }
        Map<String, Object> next = new HashMap<>(metadata == null ? Map.of() : metadata);
        next.put(STATUS, decision.to().value());
        switch (decision) {
            case APPROVE -> {
                next.put(APPROVED_BY, reviewer);
                next.put(APPROVED_AT, now.toString());
            }
            case REJECT -> next.put(REJECTION_REASON, note.strip());
            case SUBMIT -> { } // only the status moves
        }
        return next;
    }

    /**
     * The client's metadata with the review fields kept as stored: each review field the client sends must
     * equal the stored value (an absent status counts as draft), otherwise 400 pointing at the review endpoint.
     */
    public static Map<String, Object> keepReviewFields(Map<String, Object> incoming, Map<String, Object> stored) {
        Map<String, Object> before = stored == null ? Map.of() : stored;
        Map<String, Object> next = new HashMap<>(incoming);
        for (String field : FIELDS) {
            Object sent = incoming.get(field);
            Object kept = before.get(field);
            boolean same = Objects.equals(sent, kept)
                    || field.equals(STATUS) && sent != null && sent.equals(statusOf(before).value());
            if (sent != null && !same) {
                throw ApiException.invalid("metadata." + field,
                        "is set by the review (POST /assets/{id}/review), not by upload or PATCH");
            }
            next.remove(field);
            if (kept != null) {
                next.put(field, kept);
            } else if (sent != null) {
                next.put(field, sent); // an explicit draft, where the status was implied
            }
        }
        return next;
    }
}
