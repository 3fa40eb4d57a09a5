package com.renovation.media.assets.service.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.web.problem.ApiException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicatedInTheirFirstOrder() {
        assertThat(Tags.normalize("tags", List.of(" Oak ", "WARM", "oak", "Warm", "é"))).containsExactly("oak", "warm", "é");
        assertThat(Tags.normalize("tags", List.of())).isEmpty();
    }

    @Test
    void twentyTagsOfFiftyCharactersAreTheLimit() {
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "t" + i).toList();
        assertThat(Tags.normalize("tags", twenty)).hasSize(20);
        assertThat(Tags.one("tag", "x".repeat(50))).hasSize(50);
        assertThat(Tags.one("tag", "😀".repeat(50))).as("counted in characters, not UTF-16 units").isNotEmpty();

        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "t" + (i % 2)).toList();
        assertThatThrownBy(() -> Tags.normalize("tags", twentyOne)).as("counted before de-duplication")
                .isInstanceOf(ApiException.class);
        for (String bad : new String[] {"x".repeat(51), "", "   ", "a\u0000b", "line\nbreak", null}) {
            assertThatThrownBy(() -> Tags.one("tag", bad)).as(String.valueOf(bad)).isInstanceOf(ApiException.class);
        }
    }
}
