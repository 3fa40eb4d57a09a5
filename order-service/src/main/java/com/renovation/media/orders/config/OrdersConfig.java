package com.renovation.media.orders.config;

import com.renovation.media.contracts.orders.ProcessingService;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** What an order costs and how big it may be ({@code platform.orders.*}). */
@ConfigMapping(prefix = "platform.orders")
public interface OrdersConfig {

    /** ISO 4217 code of every price and total. */
    @WithDefault("EUR")
    String currency();

    /** The price of one item, per processing service. */
    Prices prices();

    /** Tax on the subtotal (0.20 = 20 %), rounded half-up to cents. */
    @WithDefault("0.20")
    BigDecimal taxRate();

    /** Most items one order may hold. */
    @WithDefault("50")
    int maxItems();

    /**
     * Where the owner pays: a template with {@code {orderId}}, {@code {total}} and {@code {currency}}. No default
     * outside the local, dev and test profiles: a deployment must name its payment page.
     */
    String checkoutUrl();

    interface Prices {
        @WithDefault("4.90")
        BigDecimal restoration();

        @WithDefault("9.90")
        BigDecimal render();
    }

    default BigDecimal priceOf(ProcessingService service) {
        return switch (service) {
            case RESTORATION -> prices().restoration();
            case RENDER -> prices().render();
        };
    }
}
