package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    @TempDir
    Path dir;

    @Test
    void withoutACacheTheRunTrainsOneNextToTheJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        assertThat(AotCache.cacheOptions(jar)).containsExactly("-XX:AOTCacheOutput=" + AotCache.of(jar));
        assertThat(AotCache.of(jar).getParent()).isEqualTo(dir);
        assertThat(AotCache.of(jar).getFileName().toString())
                .startsWith("app-jdk" + Runtime.version().feature() + ".").endsWith(".aot");
    }

    @Test
    void aCacheWrittenAfterTheBuildIsRead() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Path cache = Files.writeString(AotCache.of(jar), "cache");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(AotCache.cacheOptions(jar)).containsExactly("-XX:AOTCache=" + cache);
    }

    @Test
    void aCacheOlderThanTheJarIsTrainedAgain() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "rebuilt");
        Path cache = Files.writeString(AotCache.of(jar), "cache of the previous build");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(AotCache.cacheOptions(jar)).containsExactly("-XX:AOTCacheOutput=" + cache);
    }

    @Test
    void anEmptyCacheFileIsNoCache() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Path cache = Files.createFile(AotCache.of(jar));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(AotCache.isCurrent(cache, jar)).isFalse();
    }

    @Test
    void anEngineTrainsACacheForItsClassPathAndDropsItsOlderOnes() throws Exception {
        Path stale = Files.writeString(dir.resolve("kafka-jdk0.0.0-1.aot"), "an older class path's");
        Path otherEngine = Files.writeString(dir.resolve("s3-jdk0.0.0-1.aot"), "another engine's");
        String option = AotCache.engineCacheOptions(dir, "kafka", "a.jar:b.jar").getFirst();
        assertThat(option).startsWith("-XX:AOTCacheOutput=" + dir.resolve("kafka-jdk" + Runtime.version().feature()));
        assertThat(stale).doesNotExist();
        assertThat(otherEngine).exists();

        Path cache = Path.of(option.substring(option.indexOf('=') + 1));
        Files.writeString(cache, "cache");
        assertThat(AotCache.engineCacheOptions(dir, "kafka", "a.jar:b.jar")).containsExactly("-XX:AOTCache=" + cache);
        assertThat(AotCache.engineCacheOptions(dir, "kafka", "a.jar:c.jar").getFirst()).startsWith("-XX:AOTCacheOutput=")
                .isNotEqualTo("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist();
    }

    @Test
    void offMeansNoCacheAtAll() {
        assertThat(AotCache.enabled("off")).isFalse();
        assertThat(AotCache.enabled(null)).isTrue();
    }
}
