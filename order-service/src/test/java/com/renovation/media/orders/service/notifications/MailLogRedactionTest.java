package com.renovation.media.orders.service.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailLogRedactionTest {

    @Test
    void anSmtpAnswerIsLoggedWithoutTheAddressesItQuotes() {
        assertThat(MailQueueWorker.withoutAddresses("550 5.1.1 <ann.smith+reno@example.co.uk>: Recipient address"
                + " rejected; mailbox of bob@example.com full"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected; mailbox of <address> full");
        assertThat(MailQueueWorker.withoutAddresses("421 4.7.0 Try again later")).isEqualTo(
                "421 4.7.0 Try again later");
        assertThat(MailQueueWorker.withoutAddresses(null)).isNull();
    }
}
