package com.renovation.media.orders.service.notifications;

import com.renovation.media.orders.service.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which send failures are bounces (never retried) and which are worth another attempt. */
class SendFailureTest {

    @Test
    void aPermanentSmtpRefusalIsABounce() {
        SendFailure failure = SendFailure.of(new SMTPException("recipient address not accepted", 550,
                List.of("550 5.1.1 no such user"), false));
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.code()).isEqualTo("smtp_rejected");
        assertThat(failure.message()).startsWith("550");
    }

    @Test
    void aPermanentRefusalWrappedInAnotherExceptionIsStillABounce() {
        SendFailure failure = SendFailure.of(new IllegalStateException("send failed", new SMTPException(
                "sender address not accepted", 554, List.of("554 policy"), false)));
        assertThat(failure.permanent()).isTrue();
    }

    @Test
    void aTemporarySmtpReplyIsRetried() {
        SendFailure failure = SendFailure.of(new SMTPException("recipient address not accepted", 451,
                List.of("451 4.7.1 greylisted, try later"), false));
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.code()).isEqualTo("smtp_deferred");
    }

    @Test
    void noConnectionOrNoAnswerIsRetried() {
        assertThat(SendFailure.of(new ConnectException("Connection refused"))).satisfies(f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.code()).isEqualTo("smtp_unreachable");
        });
        assertThat(SendFailure.of(new TimeoutException())).satisfies(f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.code()).isEqualTo("smtp_timeout");
        });
        assertThat(SendFailure.of(new RuntimeException("connection closed"))).satisfies(f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.code()).isEqualTo("smtp_error");
        });
    }

    @Test
    void longOrMultiLineRepliesAreClippedToOneLine() {
        String reply = "550 " + "x".repeat(2000) + "\r\nsecond line";
        SendFailure failure = SendFailure.of(new SMTPException("refused", 550, List.of(reply), false));
        assertThat(failure.message()).doesNotContain("\n").doesNotContain("\r");
        assertThat(failure.message().length()).isLessThanOrEqualTo(SendFailure.MAX_MESSAGE + 1);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        var base = java.time.Duration.ofSeconds(10);
        var max = java.time.Duration.ofSeconds(60);
        assertThat(Backoff.exponential(base, max, 1)).hasSeconds(10);
        assertThat(Backoff.exponential(base, max, 2)).hasSeconds(20);
        assertThat(Backoff.exponential(base, max, 3)).hasSeconds(40);
        assertThat(Backoff.exponential(base, max, 4)).hasSeconds(60);
        assertThat(Backoff.exponential(base, max, 400)).hasSeconds(60);
    }
}
