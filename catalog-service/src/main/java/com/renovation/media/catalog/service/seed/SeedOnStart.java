package com.renovation.media.catalog.service.seed;

import com.renovation.media.catalog.config.CatalogConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Applies the seed manifest once the service is up ({@code platform.catalog.seed-on-start}). A failure is
 * logged and leaves the catalog as it was; {@code POST /admin/catalog/seed} runs it again.
 */
@ApplicationScoped
public class SeedOnStart {

    private static final Logger LOG = Logger.getLogger(SeedOnStart.class);

    private final CatalogSeeder seeder;
    private final CatalogConfig config;
    private final Vertx vertx;

    public SeedOnStart(CatalogSeeder seeder, CatalogConfig config, Vertx vertx) {
        this.seeder = seeder;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.seedOnStart()) {
            return;
        }
        // Hibernate Reactive runs on a duplicated Vert.x context marked safe, as a request's would be
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> seeder.seedConfigured().subscribe().with(
                report -> { },
                failure -> LOG.errorf(failure, "seeding the catalog from %s failed; nothing was changed",
                        config.seedManifest())));
    }
}
