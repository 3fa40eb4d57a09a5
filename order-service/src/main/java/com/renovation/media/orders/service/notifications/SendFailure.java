package com.renovation.media.orders.service.notifications;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Why a send failed, and whether trying again can help. A permanent refusal by the SMTP server (a 5xx reply: no
 * such mailbox, policy) is a bounce and is never retried; anything else (4xx, no connection, a timeout, a broken
 * session) may pass and is retried with backoff.
 */
public record SendFailure(boolean permanent, String code, String message) {

    /** Longest error text kept on the row: server replies can be long, and they are shown to the user. */
    static final int MAX_MESSAGE = 500;

    public static SendFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp.isPermanent()
                        ? new SendFailure(true, "smtp_rejected", clip(smtp.getReplyCode() + " " + text(smtp)))
                        : new SendFailure(false, "smtp_deferred", clip(smtp.getReplyCode() + " " + text(smtp)));
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new SendFailure(false, "smtp_unreachable", clip(text(t)));
            }
            if (t instanceof TimeoutException) {
                return new SendFailure(false, "smtp_timeout", clip(text(t)));
            }
        }
        return new SendFailure(false, "smtp_error", clip(text(failure)));
    }

    private static String text(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static String clip(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
