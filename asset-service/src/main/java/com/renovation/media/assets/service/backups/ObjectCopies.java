package com.renovation.media.assets.service.backups;

import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Server-side copies inside the private bucket, a few at a time: a backup's and a restore's originals. */
final class ObjectCopies {

    /** One copy, from a key to another. */
    record Copy(String fromKey, String toKey) {
    }

    private static final int PARALLEL = 4;

    private ObjectCopies() {
    }

    static Uni<Void> copyAll(ObjectStore objects, List<Copy> copies) {
        return Multi.createFrom().iterable(copies).onItem()
                .transformToUni(copy -> objects.copy(Buckets.USER_UPLOADS, copy.fromKey(), Buckets.USER_UPLOADS,
                        copy.toKey()))
                .merge(PARALLEL).collect().last().replaceWithVoid();
    }
}
