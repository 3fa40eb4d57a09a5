package com.renovation.media.orders.rest;

import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.orders.rest.dto.PaymentWebhookAnswer;
import com.renovation.media.orders.service.payments.PaymentEventReader;
import com.renovation.media.orders.service.payments.PaymentEvents;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The payment provider's events (payment succeeded, failed, refunded). No token: the provider signs each body
 * with the shared secret ({@code Stripe-Signature}), which is checked on the raw bytes before anything is parsed.
 * A signed event is always answered 200 with what it did, so the provider stops redelivering it; an unsigned,
 * stale or altered one is 400 and changes nothing.
 */
@Path("/webhooks/payments")
@PermitAll
@Tag(name = "Payment provider")
public class PaymentWebhookResource {

    private final PaymentEventReader reader;
    private final PaymentEvents events;

    public PaymentWebhookResource(PaymentEventReader reader, PaymentEvents events) {
        this.reader = reader;
        this.events = events;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<PaymentWebhookAnswer> receive(@HeaderParam(WebhookSignature.PAYMENT_HEADER) String signature,
            byte[] body) {
        return events.apply(reader.read(signature, body == null ? new byte[0] : body))
                .map(PaymentWebhookAnswer::of);
    }
}
