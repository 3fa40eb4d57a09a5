package com.renovation.media.orders.rest;

import com.renovation.media.orders.service.notifications.Contacts;
import com.renovation.media.web.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every authenticated call to this service keeps its caller's mail address and name (the token's {@code email}
 * and {@code name} claims) in the contacts the notifications are addressed from. Unauthenticated calls, tokens
 * without an email claim and a failing write change nothing about the request itself.
 */
public class ContactClaimsFilter {

    private static final Logger LOG = Logger.getLogger(ContactClaimsFilter.class);

    private final CurrentIdentityAssociation identities;
    private final Contacts contacts;

    public ContactClaimsFilter(CurrentIdentityAssociation identities, Contacts contacts) {
        this.identities = identities;
        this.contacts = contacts;
    }

    @ServerRequestFilter
    public Uni<Void> rememberCaller() {
        return identities.getDeferredIdentity()
                // an invalid token: the endpoint's own security check answers 401; nothing to remember here
                .onFailure().recoverWithNull()
                .chain(identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        return Uni.createFrom().voidItem();
                    }
                    Caller caller = Caller.of(identity);
                    return contacts.remember(caller.userId(), caller.claim("email").orElse(null),
                            caller.claim("name").orElse(null));
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("could not record the caller's contact claims: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
