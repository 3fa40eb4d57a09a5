package com.renovation.media.assets.service.uploads;

import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import java.util.Map;
import java.util.UUID;

/**
 * Bytes the session already holds: the upload answers 409 with {@code duplicateOf}, the asset that has them, and
 * nothing of it is kept. A 409 rather than a 200 naming the other asset: no new asset exists, and a client that
 * meant a second copy (another room) should learn that it is the same file, not be handed a different id silently.
 */
final class DuplicateUpload {

    private DuplicateUpload() {
    }

    static ApiException of(UUID existing) {
        return ApiException.withMembers(ProblemKind.DUPLICATE_UPLOAD, "these bytes are already asset " + existing
                + " in this session", Map.of("duplicateOf", existing.toString()));
    }
}
