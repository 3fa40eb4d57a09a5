package com.renovation.media.assets.service.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every decision from every state: exactly submit from draft, approve and reject from pending review. */
class RenderReviewTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static Map<String, Object> in(ApprovalStatus status) {
        Map<String, Object> metadata = new HashMap<>(Map.of("prompt", "a calm kitchen"));
        if (status != ApprovalStatus.DRAFT) {
            metadata.put(RenderReview.STATUS, status.value());
        }
        return metadata;
    }

    @Test
    void onlyTheThreeTransitionsAreAllowedAndAnyOtherNamesTheCurrentState() {
        for (ApprovalStatus from : ApprovalStatus.values()) {
            for (ReviewDecision decision : ReviewDecision.values()) {
                Map<String, Object> before = in(from);
                if (decision.from() == from) {
                    Map<String, Object> after = RenderReview.apply("render", before, decision, "too dark", "alice",
                            NOW);
                    assertThat(after.get(RenderReview.STATUS)).isEqualTo(decision.to().value());
                    assertThat(after.get("prompt")).isEqualTo("a calm kitchen");
                } else {
                    assertThatThrownBy(() -> RenderReview.apply("render", before, decision, "too dark", "alice",
                            NOW)).isInstanceOfSatisfying(ApiException.class, e -> {
                                assertThat(e.problem().status()).isEqualTo(ProblemKind.CONFLICT.status());
                                assertThat(e.getMessage()).contains(from.value());
                            });
                }
            }
        }
    }

    @Test
    void approvalRecordsWhoAndWhenAndRejectionItsReason() {
        Map<String, Object> approved = RenderReview.apply("render", in(ApprovalStatus.PENDING_REVIEW),
                ReviewDecision.APPROVE, null, "alice", NOW);
        assertThat(approved).containsEntry(RenderReview.APPROVED_BY, "alice")
                .containsEntry(RenderReview.APPROVED_AT, "2026-03-01T10:00:00Z");
        Map<String, Object> rejected = RenderReview.apply("render", in(ApprovalStatus.PENDING_REVIEW),
                ReviewDecision.REJECT, "  too dark ", "alice", NOW);
        assertThat(rejected).containsEntry(RenderReview.REJECTION_REASON, "too dark")
                .doesNotContainKey(RenderReview.APPROVED_BY);
    }

    @Test
    void aRejectionNeedsANoteAndOnlyRendersAreReviewed() {
        assertThatThrownBy(() -> RenderReview.apply("render", in(ApprovalStatus.PENDING_REVIEW),
                ReviewDecision.REJECT, " ", "alice", NOW)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(ProblemKind.VALIDATION.status()));
        assertThatThrownBy(() -> RenderReview.apply("photo", in(ApprovalStatus.DRAFT), ReviewDecision.SUBMIT, null,
                "alice", NOW)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(ProblemKind.CONFLICT.status()));
    }

    @Test
    void clientsMayOnlyRepeatTheStoredReviewFieldsWhichAreKept() {
        Map<String, Object> stored = Map.of(RenderReview.STATUS, "approved", RenderReview.APPROVED_BY, "alice");
        // left out: kept as stored
        assertThat(RenderReview.keepReviewFields(Map.of("prompt", "new"), stored))
                .containsEntry(RenderReview.STATUS, "approved").containsEntry(RenderReview.APPROVED_BY, "alice")
                .containsEntry("prompt", "new");
        // repeated as stored: fine
        assertThat(RenderReview.keepReviewFields(Map.of(RenderReview.STATUS, "approved"), stored))
                .containsEntry(RenderReview.STATUS, "approved");
        // changed: refused
        assertThatThrownBy(() -> RenderReview.keepReviewFields(Map.of(RenderReview.STATUS, "draft"), stored))
                .isInstanceOf(ApiException.class).hasMessageContaining("review");
        assertThatThrownBy(() -> RenderReview.keepReviewFields(Map.of(RenderReview.APPROVED_BY, "mallory"), Map.of()))
                .isInstanceOf(ApiException.class);
        // a new asset may say draft, nothing else
        assertThat(RenderReview.keepReviewFields(Map.of(RenderReview.STATUS, "draft"), Map.of()))
                .containsEntry(RenderReview.STATUS, "draft");
        assertThatThrownBy(() -> RenderReview.keepReviewFields(Map.of(RenderReview.STATUS, "approved"), Map.of()))
                .isInstanceOf(ApiException.class);
    }
}
