package com.renovation.media.assets.service.plans;

import com.renovation.media.assets.repository.OwnerUsageRepository;
import com.renovation.media.assets.repository.OwnerUsageRepository.StoredPlans;
import com.renovation.media.web.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;

/** A user's effective plan: an admin's override, else the plan their token names, else the default. */
@ApplicationScoped
public class Plans {

    private final OwnerUsageRepository repository;
    private final PlansConfig config;

    public Plans(OwnerUsageRepository repository, PlansConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /**
     * The calling user's plan; remembers the plan their token names (for the gauge, which sees users who are
     * not calling), so it must run in a transaction.
     */
    public Uni<EffectivePlan> ofCaller(Caller caller) {
        String claim = caller.claim(config.claim()).flatMap(PlanTier::named).map(PlanTier::value).orElse(null);
        return repository.plans(caller.userId()).chain(stored -> {
            // written only when the claim changed: an upsert locks the user's row to the commit even when it
            // changes nothing, and every request of the user (tickets, confirms) would queue behind the last
            Uni<Void> remembered = Objects.equals(stored.claim(), claim) ? Uni.createFrom().voidItem()
                    : repository.rememberClaim(caller.userId(), claim);
            return remembered.map(ignored -> resolve(new StoredPlans(stored.override(), claim)));
        });
    }

    /** Any user's plan, their claim as last seen. */
    public Uni<EffectivePlan> ofOwner(String ownerId) {
        return repository.plans(ownerId).map(this::resolve);
    }

    public PlansConfig.Limits limits(PlanTier plan) {
        return config.limits(plan);
    }

    private EffectivePlan resolve(StoredPlans stored) {
        Optional<PlanTier> override = PlanTier.named(stored.override());
        if (override.isPresent()) {
            return new EffectivePlan(override.get(), PlanSource.OVERRIDE);
        }
        return PlanTier.named(stored.claim()).map(plan -> new EffectivePlan(plan, PlanSource.CLAIM))
                .orElseGet(() -> new EffectivePlan(config.defaultPlan(), PlanSource.DEFAULT));
    }
}
