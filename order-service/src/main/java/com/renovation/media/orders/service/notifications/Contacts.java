package com.renovation.media.orders.service.notifications;

import com.renovation.media.orders.repository.ContactRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps each user's mail address (and name) from the claims of the tokens calling this service, since events name
 * owners by subject only. A replica remembers what it last wrote per user, so a request whose claims are unchanged
 * costs no database write; a change (or a restart) costs one upsert, which itself writes nothing when the row is
 * already equal.
 */
@ApplicationScoped
public class Contacts {

    /** Users remembered per replica; beyond that the least recently seen are forgotten (and rewritten if seen). */
    static final int CACHE_SIZE = 10_000;
    private static final int MAX_EMAIL = 320;
    private static final int MAX_NAME = 200;
    /** Enough to refuse what no SMTP server would take (spaces, control characters, no domain); not RFC 5322. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>,;\"\\p{Cntrl}]+@[^\\s@<>,;\"\\p{Cntrl}]+\\.[^\\s@<>,;\"\\p{Cntrl}]+$");

    private record Known(String email, String name) {
    }

    private final ContactRepository contacts;
    private final Map<String, Known> written = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public Contacts(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Records the claims of a caller's token unless this replica already wrote exactly them. */
    public Uni<Void> remember(String sub, String email, String name) {
        Optional<String> address = usableEmail(email);
        if (sub == null || address.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Known claims = new Known(address.get(), usableName(name));
        synchronized (written) {
            if (claims.equals(written.get(sub))) {
                return Uni.createFrom().voidItem();
            }
        }
        return Panache.withTransaction(() -> contacts.upsert(sub, claims.email(), claims.name()))
                .invoke(() -> {
                    synchronized (written) {
                        written.put(sub, claims);
                    }
                }).replaceWithVoid();
    }

    /** The user's address, if a token of the user ever carried one (inside the caller's session). */
    public Uni<Optional<String>> emailOf(String sub) {
        return contacts.findById(sub).map(c -> Optional.ofNullable(c).map(contact -> contact.email));
    }

    static Optional<String> usableEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String trimmed = email.strip();
        return trimmed.length() <= MAX_EMAIL && EMAIL.matcher(trimmed).matches() ? Optional.of(trimmed)
                : Optional.empty();
    }

    static String usableName(String name) {
        if (name == null) {
            return null;
        }
        String clean = name.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME);
    }
}
