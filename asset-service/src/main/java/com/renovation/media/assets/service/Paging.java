package com.renovation.media.assets.service;

import com.renovation.media.assets.config.ApiConfig;
import com.renovation.media.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns the {@code limit} query parameter into a page size within the configured bounds. */
@ApplicationScoped
public class Paging {

    private final ApiConfig config;

    public Paging(ApiConfig config) {
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
