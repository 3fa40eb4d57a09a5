package com.renovation.media.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.web.problem.ApiException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogRulesTest {

    @Test
    void slugsAreLowerCaseWordsJoinedByHyphens() {
        assertThat(CatalogRules.slug("slug", "modern-minimalist")).isEqualTo("modern-minimalist");
        for (String bad : new String[] {"Modern", "a--b", "-a", "a_b", "a/b", "", "x".repeat(81)}) {
            assertThatThrownBy(() -> CatalogRules.slug("slug", bad)).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void roomTypesAreNormalised() {
        assertThat(CatalogRules.roomType("roomType", " Living_Room ")).isEqualTo("living_room");
        assertThat(CatalogRules.roomType("roomType", null)).isNull();
        assertThatThrownBy(() -> CatalogRules.roomType("roomType", "living room")).isInstanceOf(ApiException.class);
    }

    @Test
    void tagsAreLowerCasedDeduplicatedAndBounded() {
        assertThat(CatalogRules.tags("tags", List.of("Oak", "oak ", "matte-black", "warm wood")))
                .containsExactly("oak", "matte-black", "warm wood");
        assertThat(CatalogRules.tags("tags", null)).isEmpty();
        assertThatThrownBy(() -> CatalogRules.tags("tags", List.of("<b>"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> CatalogRules.tags("tags", IntStream.range(0, 31).mapToObj(i -> "t" + i).toList()))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void filtersReadTagAndTagsAndMatch() {
        var filter = CatalogReadService.filter("Kitchen", "oak", "white, Matte-Black", "all");
        assertThat(filter.roomType()).isEqualTo("kitchen");
        assertThat(filter.tags()).containsExactly("oak", "white", "matte-black");
        assertThat(filter.matchAll()).isTrue();
        assertThat(CatalogReadService.filter(null, null, null, null).tags()).isEmpty();
        assertThatThrownBy(() -> CatalogReadService.filter(null, "a", null, "most"))
                .isInstanceOf(ApiException.class);
    }
}
