package com.renovation.media.storage.s3;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The bucket lifecycle rule that moves originals to a colder storage class after a while. Originals share their
 * folders with their variants ({@code …/photos/} holds both, {@code …/photos/variants/} only the latter) and a
 * rule's prefix is a plain prefix, so originals are told apart by a tag: confirm's copy of a single PUT sets it
 * ({@link ObjectStore#copyAsOriginal}), an upload in parts carries it from its start, where it is assembled
 * ({@link MultipartStore#start(String, String, String, boolean, Optional)}). Variants stay in STANDARD: they are what
 * pages load.
 */
@ApplicationScoped
public class ColdOriginals {

    /** The rule's id in the bucket's lifecycle configuration: applying again replaces it, other rules stay. */
    public static final String RULE_ID = "originals-cold";
    public static final String TAG_KEY = "platform-object";
    public static final String TAG_VALUE = "original";
    /**
     * Classes whose objects are read at once, as downloads, ZIPs, backups and regenerations read originals;
     * GLACIER and DEEP_ARCHIVE would need a restore first.
     */
    static final Set<TransitionStorageClass> INSTANT = Set.of(TransitionStorageClass.STANDARD_IA,
            TransitionStorageClass.ONEZONE_IA, TransitionStorageClass.INTELLIGENT_TIERING,
            TransitionStorageClass.GLACIER_IR);
    /** S3 refuses a transition to an IA class earlier than this. */
    static final int IA_MINIMUM_DAYS = 30;

    private static final Logger LOG = Logger.getLogger(ColdOriginals.class);

    private final StorageConfig.OriginalsCold config;
    private final S3AsyncClient s3;

    public ColdOriginals(StorageConfig config, S3AsyncClient s3) {
        this.config = config.originalsCold();
        this.s3 = s3;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The tag set an original is stored with ({@code x-amz-tagging}), when the rule is on. */
    public Optional<String> tagging() {
        return config.enabled() ? Optional.of(TAG_KEY + "=" + TAG_VALUE) : Optional.empty();
    }

    public LifecycleRule rule() {
        return rule(config.after(), config.storageClass());
    }

    /** The rule for originals older than {@code after} (whole days) moving to {@code storageClass}. */
    static LifecycleRule rule(Duration after, String storageClass) {
        TransitionStorageClass target = TransitionStorageClass.fromValue(storageClass);
        if (!INSTANT.contains(target)) {
            throw new IllegalArgumentException("platform.storage.originals-cold.storage-class must be one of "
                    + INSTANT + " (read without a restore), not " + storageClass);
        }
        if (after.isNegative() || after.isZero() || !after.equals(Duration.ofDays(after.toDays()))) {
            throw new IllegalArgumentException(
                    "platform.storage.originals-cold.after must be whole days (e.g. P90D), not " + after);
        }
        int days = Math.toIntExact(after.toDays());
        boolean infrequentAccess = target == TransitionStorageClass.STANDARD_IA
                || target == TransitionStorageClass.ONEZONE_IA;
        if (infrequentAccess && days < IA_MINIMUM_DAYS) {
            throw new IllegalArgumentException("S3 moves objects to " + target + " after " + IA_MINIMUM_DAYS
                    + " days at the earliest, not " + days);
        }
        return LifecycleRule.builder().id(RULE_ID).status(ExpirationStatus.ENABLED)
                .filter(f -> f.tag(Tag.builder().key(TAG_KEY).value(TAG_VALUE).build()))
                .transitions(t -> t.days(days).storageClass(target))
                .build();
    }

    /**
     * Puts the rule into the bucket's lifecycle configuration, keeping its other rules (the S3 API replaces the
     * whole configuration), and writes nothing when it is there already. Completes with whether it wrote.
     */
    public CompletableFuture<Boolean> applyTo(String bucket) {
        LifecycleRule rule = rule();
        return s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket))
                .thenApply(GetBucketLifecycleConfigurationResponse::rules)
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof S3Exception s3e && s3e.statusCode() == 404) {
                        return List.of(); // NoSuchLifecycleConfiguration: the bucket has no rules yet
                    }
                    throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                })
                .thenCompose(existing -> {
                    List<LifecycleRule> rules = merged(existing, rule);
                    if (rules.equals(existing)) {
                        return CompletableFuture.completedFuture(false);
                    }
                    LOG.infof("bucket %s: lifecycle rule %s (%s after %d days)", bucket, RULE_ID,
                            rule.transitions().get(0).storageClassAsString(), rule.transitions().get(0).days());
                    return s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket)
                            .lifecycleConfiguration(c -> c.rules(rules))).thenApply(r -> true);
                });
    }

    /** {@code existing} with {@code rule} in the place of the one of its id, or added last; the others unchanged. */
    public static List<LifecycleRule> merged(List<LifecycleRule> existing, LifecycleRule rule) {
        List<LifecycleRule> rules = new ArrayList<>();
        boolean replaced = false;
        for (LifecycleRule other : existing) {
            boolean same = rule.id().equals(other.id());
            rules.add(same ? rule : other);
            replaced |= same;
        }
        if (!replaced) {
            rules.add(rule);
        }
        return rules;
    }
}
