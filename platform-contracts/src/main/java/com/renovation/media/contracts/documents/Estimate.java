package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A cost estimate in one currency. {@code subtotal}, {@code tax}, {@code total} and each line's
 * {@code lineTotal} are computed by the service that accepts the request, never taken from a client.
 */
public record Estimate(
        @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
        @DecimalMin(value = "0", message = TAX_RATE_MESSAGE) @DecimalMax(value = "1", message = TAX_RATE_MESSAGE)
        @Digits(integer = 15, fraction = 6, message = DIGITS_MESSAGE)
        @JsonSerialize(using = DecimalText.class) BigDecimal taxRate,
        @NotEmpty(message = "must be a non-empty list") @Valid @JsonSetter(contentNulls = Nulls.FAIL)
        List<Line> lines,
        @JsonSerialize(using = DecimalText.class) BigDecimal subtotal,
        @JsonSerialize(using = DecimalText.class) BigDecimal tax,
        @JsonSerialize(using = DecimalText.class) BigDecimal total) implements DocumentContent {

    /** An ISO 4217 code. */
    public static final String CURRENCY = "[A-Z]{3}";
    public static final String MAX_QUANTITY = "1000000000";
    public static final String MAX_PRICE = "1000000000000";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";
    static final String TAX_RATE_MESSAGE = "must be between 0 and 1 (0.2 is 20 %)";
    static final String QUANTITY_MESSAGE = "must be above 0 and at most " + MAX_QUANTITY;
    static final String PRICE_MESSAGE = "must be 0 or more and at most " + MAX_PRICE;
    /** Six decimals and fifteen integer digits at most: amounts, not arbitrary precision. */
    static final String DIGITS_MESSAGE = "has too many digits";

    /** One line; {@code currency} may be left out when the estimate names one. */
    public record Line(
            @NotBlank(message = "must be non-empty text")
            @Size(max = MAX_TEXT, message = "must be at most {max} characters") String description,
            @NotNull(message = "must be a number")
            @DecimalMin(value = "0", inclusive = false, message = QUANTITY_MESSAGE)
            @DecimalMax(value = MAX_QUANTITY, message = QUANTITY_MESSAGE)
            @Digits(integer = 15, fraction = 6, message = DIGITS_MESSAGE)
            @JsonSerialize(using = DecimalText.class) BigDecimal quantity,
            @NotBlank(message = "must be non-empty text")
            @Size(max = 20, message = "must be at most {max} characters") String unit,
            @NotNull(message = "must be a number")
            @DecimalMin(value = "0", message = PRICE_MESSAGE) @DecimalMax(value = MAX_PRICE, message = PRICE_MESSAGE)
            @Digits(integer = 15, fraction = 6, message = DIGITS_MESSAGE)
            @JsonSerialize(using = DecimalText.class) BigDecimal unitPrice,
            @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
            @JsonSerialize(using = DecimalText.class) BigDecimal lineTotal) {
    }
}
