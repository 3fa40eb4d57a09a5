package com.renovation.media.assets.service.uploads;

import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;

/**
 * Stored bytes failed their checks (answered 422 to an uploader); its own class so that callers other than the
 * REST layer, such as the consumer of processing outputs, can tell it from a failure worth retrying.
 */
public class FileRefused extends ApiException {

    public FileRefused(String reason) {
        super(ProblemKind.FILE_REJECTED, reason);
    }
}
