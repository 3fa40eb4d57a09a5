package com.renovation.media.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the classpath an engine module resolved at build time (local-stack/NAME/target/classpath.txt). */
final class EngineClasspath {
    private EngineClasspath() {
    }

    static String read(Path root, String module) throws IOException {
        Path file = root.resolve("local-stack").resolve(module).resolve("target/classpath.txt");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: build first with `mvn -B install -DskipTests`");
        }
        return Files.readString(file).strip();
    }
}
