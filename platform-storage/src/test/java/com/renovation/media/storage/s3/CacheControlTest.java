package com.renovation.media.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.storage.layout.Buckets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

class CacheControlTest {

    @Test
    void catalogVariantsAreCachedForGoodByAnyCache() {
        assertThat(CacheControl.ofVariant(Buckets.STYLES)).isEqualTo("public, max-age=31536000, immutable");
        assertThat(ObjectStore.aclOfVariant(Buckets.STYLES)).isEqualTo(ObjectCannedACL.PUBLIC_READ);
    }

    @Test
    void variantsOfUsersFilesAreCachedForGoodByTheBrowserOnly() {
        assertThat(CacheControl.ofVariant(Buckets.USER_UPLOADS)).isEqualTo("private, max-age=31536000, immutable");
        assertThat(ObjectStore.aclOfVariant(Buckets.USER_UPLOADS)).isEqualTo(ObjectCannedACL.PRIVATE);
        assertThat(CacheControl.ofVariant(Buckets.STYLES_STAGING)).isEqualTo(CacheControl.PRIVATE_VARIANT);
    }
}
