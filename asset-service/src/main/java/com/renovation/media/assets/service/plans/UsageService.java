package com.renovation.media.assets.service.plans;

import com.renovation.media.assets.repository.OwnerUsageRepository;
import com.renovation.media.assets.rest.dto.UsageView;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A user's usage against their plan, and an admin's plan overrides. */
@ApplicationScoped
public class UsageService {

    /** The longest subject accepted in an admin path (tokens' subjects are far shorter). */
    private static final int MAX_SUBJECT = 255;

    private final Plans plans;
    private final OwnerUsageRepository repository;

    public UsageService(Plans plans, OwnerUsageRepository repository) {
        this.plans = plans;
        this.repository = repository;
    }

    @WithTransaction
    public Uni<UsageView> mine(Caller caller) {
        return plans.ofCaller(caller).chain(effective -> view(caller.userId(), effective));
    }

    @WithSession
    public Uni<UsageView> of(String subject) {
        String owner = subject(subject);
        return plans.ofOwner(owner).chain(effective -> view(owner, effective));
    }

    /** Puts the user on {@code plan} whatever their token says; nothing is deleted if it is lower. */
    @WithTransaction
    public Uni<UsageView> override(String subject, PlanTier plan) {
        String owner = subject(subject);
        return repository.override(owner, plan.value())
                .chain(() -> plans.ofOwner(owner)).chain(effective -> view(owner, effective));
    }

    /** Back to the plan of the user's token, or the default. */
    @WithTransaction
    public Uni<Void> clearOverride(String subject) {
        return repository.override(subject(subject), null);
    }

    private Uni<UsageView> view(String owner, EffectivePlan effective) {
        return repository.usage(owner)
                .map(usage -> UsageView.of(effective, plans.limits(effective.plan()), usage));
    }

    private static String subject(String subject) {
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw ApiException.invalid("sub", "must be a user's subject of 1 to " + MAX_SUBJECT + " characters");
        }
        return subject;
    }
}
