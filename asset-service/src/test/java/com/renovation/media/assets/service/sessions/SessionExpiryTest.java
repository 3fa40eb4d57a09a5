package com.renovation.media.assets.service.sessions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A configuration in which the audit log forgets activity before a session could expire is refused. */
class SessionExpiryTest {

    private static final Duration DAYS_180 = Duration.ofDays(180);
    private static final Duration DAYS_7 = Duration.ofDays(7);

    @Test
    void theAuditRetentionMustOutlastTheInactivity() {
        assertThatCode(() -> SessionExpiry.requireAuditOutlivesInactivity(Duration.ofDays(365), DAYS_180, DAYS_7))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SessionExpiry.requireAuditOutlivesInactivity(DAYS_180, DAYS_180, DAYS_7))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("platform.audit.retention");
        assertThatThrownBy(() -> SessionExpiry.requireAuditOutlivesInactivity(Duration.ofDays(90), DAYS_180, DAYS_7))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theWarningMustComeWithinTheInactivity() {
        assertThatThrownBy(() -> SessionExpiry.requireAuditOutlivesInactivity(Duration.ofDays(365), DAYS_180,
                DAYS_180)).isInstanceOf(IllegalStateException.class).hasMessageContaining("expiry-warning");
        assertThatThrownBy(() -> SessionExpiry.requireAuditOutlivesInactivity(Duration.ofDays(365), DAYS_180,
                DAYS_7.negated())).isInstanceOf(IllegalStateException.class);
    }
}
