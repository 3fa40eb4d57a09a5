package com.renovation.media.web.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes of every list endpoint ({@code platform.paging.*}). */
@ConfigMapping(prefix = "platform.paging")
public interface PagingConfig {

    @WithDefault("20")
    int defaultPageSize();

    @WithDefault("100")
    int maxPageSize();
}
