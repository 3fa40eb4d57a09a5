package com.renovation.media.assets.service.plans;

import com.renovation.media.assets.repository.OwnerUsageRepository;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;

/**
 * The checks of a plan's limits before a write that counts against them. Each runs inside the caller's
 * transaction and locks the owner's counters until it ends, so the row the caller then inserts (a pending
 * upload at its declared size, a session) is counted before the next reservation of that owner looks: any
 * number of concurrent requests leave the owner at or under the limit. Lowering a plan deletes nothing; it
 * only makes these checks fail.
 */
@ApplicationScoped
public class Quotas {

    private final OwnerUsageRepository usage;
    private final PlansConfig config;

    public Quotas(OwnerUsageRepository usage, PlansConfig config) {
        this.usage = usage;
        this.config = config;
    }

    /** Room for {@code bytes} more of storage, and a single file the plan accepts. */
    public Uni<Void> reserveStorage(String ownerId, PlanTier plan, long bytes) {
        return reserve(ownerId, plan, bytes, config.limits(plan).maxUploadBytes(), "upload");
    }

    /** As {@link #reserveStorage} for a file of {@code type}: a video has its plan's own largest size. */
    public Uni<Void> reserveUpload(String ownerId, PlanTier plan, FileType type, long bytes) {
        if (type.isVideo()) {
            return reserve(ownerId, plan, bytes, config.limits(plan).maxVideoBytes(), "video");
        }
        return reserveStorage(ownerId, plan, bytes);
    }

    private Uni<Void> reserve(String ownerId, PlanTier plan, long bytes, long largest, String what) {
        if (bytes > largest) {
            return Uni.createFrom().failure(exceeded("largest " + what + " of plan " + plan.value() + " is "
                    + largest + " bytes; this upload needs " + bytes));
        }
        return usage.lock(ownerId).invoke(now -> checkStorage(now, plan, bytes, "this upload")).replaceWithVoid();
    }

    /** Room for one more project session. */
    public Uni<Void> reserveSession(String ownerId, PlanTier plan) {
        OptionalInt limit = config.limits(plan).sessions();
        return usage.lock(ownerId).invoke(now -> {
            if (limit.isPresent() && now.sessions() + 1 > limit.getAsInt()) {
                throw exceeded("session limit of plan " + plan.value() + " is " + limit.getAsInt() + "; "
                        + now.sessions() + " sessions exist");
            }
        }).replaceWithVoid();
    }

    /**
     * Room for a restored session and its originals together (each original was within the plan's largest file
     * when it was uploaded; a plan lowered since keeps what is stored, so it is not asked again).
     */
    public Uni<Void> reserveRestore(String ownerId, PlanTier plan, long bytes) {
        return reserveSession(ownerId, plan).chain(() -> usage.lock(ownerId))
                .invoke(now -> checkStorage(now, plan, bytes, "the restored originals")).replaceWithVoid();
    }

    private void checkStorage(OwnerUsageRepository.Usage now, PlanTier plan, long bytes, String what) {
        long limit = config.limits(plan).storageBytes();
        if (now.storageBytes() + bytes > limit) {
            throw exceeded("storage quota of plan " + plan.value() + " is " + limit + " bytes; "
                    + now.storageBytes() + " are used and " + what + " needs " + bytes);
        }
    }

    private static ApiException exceeded(String detail) {
        return new ApiException(ProblemKind.QUOTA_EXCEEDED, detail);
    }
}
