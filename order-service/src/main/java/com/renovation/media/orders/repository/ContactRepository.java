package com.renovation.media.orders.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, String> {

    /**
     * Records the user's address and name; a row already holding both is left untouched (no write, no dead
     * tuple). Answers whether a row was written.
     */
    public Uni<Boolean> upsert(String sub, String email, String name) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO contacts (sub, email, name, updated_at)"
                        + " VALUES (:sub, :email, :name, now())"
                        + " ON CONFLICT (sub) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name,"
                        + " updated_at = now()"
                        + " WHERE contacts.email IS DISTINCT FROM EXCLUDED.email"
                        + " OR contacts.name IS DISTINCT FROM EXCLUDED.name")
                .setParameter("sub", sub)
                .setParameter("email", email)
                .setParameter("name", name)
                .executeUpdate()).map(n -> n > 0);
    }
}
