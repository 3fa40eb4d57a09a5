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
 * The draft of a works contract: who agrees (client, contractor, …), the scope of the works, the price and how
 * it is paid, and the terms. A draft for people to review and sign, not a signed contract.
 */
public record ContractDraft(
        @NotNull(message = "must be a list") @Size(min = 2, max = MAX_PARTIES, message = PARTIES_MESSAGE) @Valid
        @JsonSetter(contentNulls = Nulls.FAIL) List<Party> parties,
        @NotEmpty(message = "must be a non-empty list") @Valid @JsonSetter(contentNulls = Nulls.FAIL)
        List<ScopeItem> scope,
        @NotNull(message = "is required") @Valid Price price,
        @Valid @JsonSetter(contentNulls = Nulls.FAIL) List<Term> terms) implements DocumentContent {

    public static final int MAX_PARTIES = 10;
    static final String PARTIES_MESSAGE = "must name between {min} and {max} parties";

    /** One party: its role in the contract ("client", "contractor") and who it is. */
    public record Party(
            @NotBlank(message = "must be non-empty text")
            @Size(max = MAX_HEADING, message = "must be at most {max} characters") String role,
            @NotBlank(message = "must be non-empty text")
            @Size(max = MAX_HEADING, message = "must be at most {max} characters") String name,
            @Size(max = MAX_TEXT, message = "must be at most {max} characters") String address) {
    }

    /** One item of work the contract covers. */
    public record ScopeItem(
            @NotBlank(message = "must be non-empty text")
            @Size(max = MAX_TEXT, message = "must be at most {max} characters") String description) {
    }

    /** The agreed price in one currency and how it is paid. */
    public record Price(
            @NotNull(message = "must be an ISO 4217 code such as EUR")
            @Pattern(regexp = Estimate.CURRENCY, message = Estimate.CURRENCY_MESSAGE) String currency,
            @NotNull(message = "must be a number")
            @DecimalMin(value = "0", message = Estimate.PRICE_MESSAGE)
            @DecimalMax(value = Estimate.MAX_PRICE, message = Estimate.PRICE_MESSAGE)
            @Digits(integer = 15, fraction = 6, message = Estimate.DIGITS_MESSAGE)
            @JsonSerialize(using = DecimalText.class) BigDecimal amount,
            @Size(max = MAX_TEXT, message = "must be at most {max} characters") String paymentTerms) {
    }

    /** A clause: a heading and its text ({@code text} may be left out; it is then empty). */
    public record Term(
            @NotBlank(message = "must be non-empty text")
            @Size(max = MAX_HEADING, message = "must be at most {max} characters") String heading,
            @Size(max = MAX_SECTION_TEXT, message = "must be at most {max} characters") String text) {
    }

    /** Absent terms read as none. */
    public List<Term> termList() {
        return terms == null ? List.of() : terms;
    }
}
