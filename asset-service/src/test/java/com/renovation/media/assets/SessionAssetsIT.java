package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /sessions/{id}/assets}: a session's assets across its rooms, newest first, by type and status. */
@QuarkusTest
class SessionAssetsIT {

    private static List<String> ids(String user, String query) {
        return as(user).get(query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void assetsOfEveryRoomAreListedFilteredAndPagedWithoutGapsOrRepeats() {
        String user = TestSupport.newUser();
        List<String> first = TestSupport.sessionWithRoom(user);
        String session = first.get(0);
        String otherRoom = as(user).body(Map.of("name", "Bath", "roomType", "bathroom"))
                .post("/sessions/" + session + "/rooms").then().statusCode(201).extract().path("id");
        String photo = TestSupport.upload(user, first.get(1), "photo", "a.jpg", "image/jpeg",
                TestSupport.jpeg(64, 48));
        String render = RenderReviewIT.declare(user, otherRoom, "render", Map.of());
        String plan = RenderReviewIT.declare(user, first.get(1), "floorplan", Map.of());
        // another session's asset never shows
        RenderReviewIT.declare(user, TestSupport.sessionWithRoom(user).get(1), "render", Map.of());
        String base = "/sessions/" + session + "/assets";

        assertThat(ids(user, base)).containsExactly(plan, render, photo);
        assertThat(ids(user, base + "?type=render")).containsExactly(render);
        assertThat(ids(user, base + "?status=pending")).containsExactly(plan, render);
        assertThat(ids(user, base + "?status=pending&type=floorplan")).containsExactly(plan);
        assertThat(ids(user, base + "?type=photo&status=pending")).isEmpty();
        assertThat(ids(user, base + "?status=ready&type=photo").size()
                + ids(user, base + "?status=processing&type=photo").size()
                + ids(user, base + "?status=uploaded&type=photo").size()).isEqualTo(1);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(user).get(base + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor)).then()
                    .statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly(plan, render, photo);

        as(user).get(base + "?type=poster").then().statusCode(400).body("detail", containsString("type"));
        as(user).get(base + "?status=lost").then().statusCode(400).body("detail", containsString("status"));
        as(user).get(base + "?cursor=not-a-cursor").then().statusCode(400);
        as(TestSupport.newUser()).get(base).then().statusCode(404);
    }
}
