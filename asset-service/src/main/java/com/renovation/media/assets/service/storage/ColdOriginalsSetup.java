package com.renovation.media.assets.service.storage;

import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ColdOriginals;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * asset-service owns the private bucket's originals, so it applies their cold-storage rule at start when
 * {@code platform.storage.originals-cold.enabled} (a wrong age or class fails the start). S3 refusing it (no
 * {@code s3:PutLifecycleConfiguration}; S3Proxy answers 501) is only logged: the service works without it, and
 * {@code deploy/s3-lifecycle-originals.json} is the same rule for an operator to apply.
 */
@ApplicationScoped
public class ColdOriginalsSetup {

    private static final Logger LOG = Logger.getLogger(ColdOriginalsSetup.class);

    private final ColdOriginals coldOriginals;

    public ColdOriginalsSetup(ColdOriginals coldOriginals) {
        this.coldOriginals = coldOriginals;
    }

    void apply(@Observes StartupEvent event) {
        if (!coldOriginals.enabled()) {
            return;
        }
        coldOriginals.rule(); // validated here, so a wrong setting stops the start rather than a log line
        coldOriginals.applyTo(Buckets.USER_UPLOADS).whenComplete((wrote, failure) -> {
            if (failure != null) {
                LOG.warnf("bucket %s: lifecycle rule %s not applied (%s); apply deploy/s3-lifecycle-originals.json",
                        Buckets.USER_UPLOADS, ColdOriginals.RULE_ID, failure.getMessage());
            } else if (!wrote) {
                LOG.debugf("bucket %s: lifecycle rule %s already in place", Buckets.USER_UPLOADS, ColdOriginals.RULE_ID);
            }
        });
    }
}
