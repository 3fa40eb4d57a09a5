package com.renovation.media.orders.service.orders;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The payment page of an order, from the configured template's {orderId}, {total} and {currency}. */
public final class CheckoutUrls {

    private CheckoutUrls() {
    }

    public static String of(String template, UUID orderId, BigDecimal total, String currency) {
        return template.replace("{orderId}", encode(orderId.toString()))
                .replace("{total}", encode(total.toPlainString()))
                .replace("{currency}", encode(currency));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
