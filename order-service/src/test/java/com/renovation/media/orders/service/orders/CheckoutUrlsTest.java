package com.renovation.media.orders.service.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckoutUrlsTest {

    @Test
    void fillsTheTemplatesPlaceholders() {
        UUID id = UUID.fromString("5a0e1a52-7a9c-4a8b-9d3e-1f2a3b4c5d6e");
        assertThat(CheckoutUrls.of("http://localhost:59300/checkout?order={orderId}&amount={total}&currency={currency}",
                id, new BigDecimal("23.64"), "EUR"))
                .isEqualTo("http://localhost:59300/checkout?order=" + id + "&amount=23.64&currency=EUR");
    }

    @Test
    void valuesAreEncodedSoTheyCannotAddParameters() {
        assertThat(CheckoutUrls.of("https://pay.example/c?cur={currency}", UUID.randomUUID(), BigDecimal.ONE,
                "E&x=1")).isEqualTo("https://pay.example/c?cur=E%26x%3D1");
    }
}
