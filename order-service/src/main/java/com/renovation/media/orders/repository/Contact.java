package com.renovation.media.orders.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a user's mails go, from the claims of the user's last token seen by this service. */
@Entity
@Table(name = "contacts")
public class Contact {
    @Id
    public String sub;
    public String email;
    public String name;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
