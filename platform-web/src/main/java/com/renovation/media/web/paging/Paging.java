package com.renovation.media.web.paging;

import com.renovation.media.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns the {@code limit} query parameter into a page size within the configured bounds. */
@ApplicationScoped
public class Paging {

    private final PagingConfig config;

    public Paging(PagingConfig config) {
        this.config = config;
    }

    public int limit(Integer requested) {
        if (requested == null) {
            return config.defaultPageSize();
        }
        if (requested < 1 || requested > config.maxPageSize()) {
            throw ApiException.invalid("limit", "must be between 1 and " + config.maxPageSize());
        }
        return requested;
    }
}
