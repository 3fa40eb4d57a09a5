package com.renovation.media.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The payment provider's webhook ({@code platform.payments.*}). */
@ConfigMapping(prefix = "platform.payments")
public interface PaymentsConfig {

    /**
     * The secret the provider signs its events with. No default outside the local, dev and test profiles: the
     * service refuses to start without it rather than accept events anyone could sign.
     */
    String webhookSecret();

    /** How far a signature's timestamp may be from now either way (a captured request cannot be replayed later). */
    @WithDefault("5m")
    Duration tolerance();

    /** The largest webhook body taken; a provider's event is a few hundred bytes. */
    @WithDefault("65536")
    int maxBodyBytes();
}
