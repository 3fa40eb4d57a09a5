package com.renovation.media.assets;

import static com.renovation.media.assets.ArtefactTestSupport.create;
import static com.renovation.media.assets.ArtefactTestSupport.createPlan;
import static com.renovation.media.assets.ArtefactTestSupport.objectsUnder;
import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.storage.svg.SvgLimits;
import com.renovation.media.storage.svg.SvgRefusal;
import com.renovation.media.storage.svg.SvgRefusedException;
import com.renovation.media.storage.svg.SvgSanitizer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every hostile SVG — platform-storage's corpus, read from that module's test resources, and the cases below —
 * sent as a new artefact and as an edit: 422 with the sanitiser's reason, and nothing stored (no row, no version,
 * no object under the session's prefix).
 */
@QuarkusTest
class HostileSvgIT {

    private static final Path CORPUS = Path.of("../platform-storage/src/test/resources/svg/hostile");
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">";

    private static final SvgSanitizer SANITIZER = new SvgSanitizer(SvgLimits.DEFAULT);

    @Inject
    ObjectStore objects;

    /** Cases whose reason is certain, each with it. */
    private static Map<String, SvgRefusal> inline() {
        Map<String, SvgRefusal> cases = new LinkedHashMap<>();
        cases.put(SVG + "<script>alert(1)</script></svg>", SvgRefusal.SCRIPT);
        cases.put(SVG.replace(">", " onload=\"alert(1)\">") + "</svg>", SvgRefusal.EVENT_HANDLER);
        cases.put(SVG + "<rect width=\"10\" height=\"10\" onclick=\"steal()\"/></svg>", SvgRefusal.EVENT_HANDLER);
        cases.put(SVG + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>",
                SvgRefusal.FOREIGN_OBJECT);
        cases.put("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + SVG
                + "<text>&xxe;</text></svg>", SvgRefusal.DOCTYPE);
        cases.put("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + SVG + "<text>&lol2;</text></svg>", SvgRefusal.DOCTYPE);
        cases.put("<?xml-stylesheet href=\"http://evil.example/x.css\"?>" + SVG + "</svg>",
                SvgRefusal.PROCESSING_INSTRUCTION);
        cases.put(SVG + "<use href=\"http://evil.example/sprite.svg#a\"/></svg>", SvgRefusal.EXTERNAL_REFERENCE);
        cases.put(SVG.replace("<svg ", "<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                + "<use xlink:href=\"javascript:alert(1)\"/></svg>", SvgRefusal.EXTERNAL_REFERENCE);
        cases.put(SVG + "<rect width=\"10\" height=\"10\" fill=\"url(http://evil.example/p.svg#g)\"/></svg>",
                SvgRefusal.EXTERNAL_REFERENCE);
        cases.put(SVG + "<style>@import url(http://evil.example/x.css);</style></svg>", SvgRefusal.EXTERNAL_REFERENCE);
        cases.put("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", SvgRefusal.NOT_SVG);
        cases.put(SVG + "<rect width=\"10\"", SvgRefusal.NOT_XML);
        cases.put("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/></svg>",
                SvgRefusal.NO_SIZE);
        cases.put(SVG + "<g>".repeat(200) + "</g>".repeat(200) + "</svg>", SvgRefusal.TOO_COMPLEX);
        return cases;
    }

    private static Map<String, String> corpus() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(CORPUS)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                // as a client would send it: the bytes as text (a UTF-7 or UTF-16 file stays what it is)
                files.put(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void everyHostileSvgIsRefusedWithItsReasonAndNothingIsStored() throws IOException {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String kept = createPlan(user, session, null);
        Map<String, Integer> outcomes = new TreeMap<>();

        int n = 0;
        for (Map.Entry<String, SvgRefusal> c : inline().entrySet()) {
            String name = "inline case " + (++n) + " (" + c.getValue().value() + ")";
            for (Response r : attempts(user, session, kept, c.getKey())) {
                r.then().statusCode(422).body("type", equalTo("urn:media-platform:problem:file-rejected"))
                        .body("reason", equalTo(c.getValue().value()));
                assertThat(r.<String>path("detail")).as(name).isNotBlank();
            }
            outcomes.merge(c.getValue().value(), 1, Integer::sum);
        }
        Map<String, String> files = corpus();
        for (Map.Entry<String, String> file : files.entrySet()) {
            // the reason platform-storage's own sanitiser gives for exactly what the service receives
            SvgRefusedException expected = catchThrowableOfType(SvgRefusedException.class, () -> SANITIZER
                    .sanitize(file.getValue().getBytes(StandardCharsets.UTF_8)));
            assertThat(expected).as(file.getKey() + " is refused by the sanitiser").isNotNull();
            for (Response r : attempts(user, session, kept, file.getValue())) {
                r.then().statusCode(422).body("reason", equalTo(expected.reason().value()));
                outcomes.merge(file.getKey() + " → " + expected.reason().value(), 1, Integer::sum);
            }
        }
        assertThat(files).as("the hostile corpus of platform-storage").hasSizeGreaterThanOrEqualTo(20);

        as(user).get("/sessions/" + session + "/artefacts").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(kept)).body("items[0].version", equalTo(1));
        as(user).get("/artefacts/" + kept + "/versions").then().body("items", hasSize(1));
        assertThat(objectsUnder(objects, StoragePaths.sessionPrefix(UUID.fromString(session)))).hasSize(1);
        System.out.println("hostile SVG: " + inline().size() + " inline cases and " + files.size()
                + " corpus files from " + CORPUS + ", each refused as a new artefact and as an edit:");
        outcomes.forEach((outcome, count) -> System.out.printf("  %-60s %d%n", outcome, count));
    }

    /** The SVG as a new artefact and as an edit of an existing one. */
    private static List<Response> attempts(String user, String session, String existing, String svg) {
        return List.of(as(user).body(create("Hostile", svg, null)).post("/sessions/" + session + "/artefacts"),
                ArtefactTestSupport.edit(user, existing, 1, svg));
    }
}
