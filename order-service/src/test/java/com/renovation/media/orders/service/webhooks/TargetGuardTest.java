package com.renovation.media.orders.service.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard: which webhook URLs and addresses are refused in production, and why. */
class TargetGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4: this network, private, CGNAT, loopback, link-local (cloud metadata), special-purpose
            "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1",
            "127.1.2.3", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.0.0.8",
            "192.0.2.1", "192.88.99.1", "192.168.0.1", "192.168.255.255", "198.18.0.1", "198.19.255.255",
            "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            // IPv6: unspecified, loopback, unique local, link-local, site-local, multicast, documentation
            "::", "::1", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::1", "fec0::1", "ff02::1",
            "2001:db8::1",
            // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4; Teredo refused whole; outside 2000::/3
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1", "::10.1.2.3",
            "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:7f00:0001::1", "2002:c0a8:0101::1", "2001:0:4136::1",
            "100::1", "4000::1"})
    void internalAddressesAreRefused(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(TargetGuard.whyNotPublic(address)).as(literal).isPresent();
        assertThatThrownBy(() -> TargetGuard.checkAll(List.of(address))).isInstanceOf(TargetGuard.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1",
            "172.15.255.255", "172.32.0.1", "169.253.255.255", "192.167.1.1", "198.20.0.1", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2002:0808:0808::1", "::ffff:8.8.8.8"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(TargetGuard.whyNotPublic(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @Test
    void oneInternalAddressAmongPublicOnesRefusesTheName() throws Exception {
        assertThatThrownBy(() -> TargetGuard.checkAll(List.of(InetAddress.getByName("8.8.8.8"),
                InetAddress.getByName("10.0.0.5")))).isInstanceOf(TargetGuard.Refused.class)
                .hasMessageContaining("10.0.0.5").hasMessageContaining("private");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // not https
            "http://hooks.example.com/x", "ftp://hooks.example.com/x", "file:///etc/passwd", "gopher://x.example/",
            "javascript:alert(1)", "//hooks.example.com/x", "/relative", "",
            // credentials, fragments, hosts that are not host names
            "https://user:pass@hooks.example.com/x", "https://hooks.example.com/x#frag", "https:///nohost",
            "https://under_score.example.com/",
            // localhost by name
            "https://localhost/x", "https://LOCALHOST./x", "https://api.localhost/x",
            // literal internal addresses
            "https://127.0.0.1/x", "https://169.254.169.254/latest/meta-data/", "https://10.0.0.1:8443/",
            "https://[::1]/x", "https://[::ffff:127.0.0.1]/x", "https://[fe80::1]/x", "https://[fd00::1]/",
            "https://[::ffff:a9fe:a9fe]/", "https://0.0.0.0/",
            // numbers spelled other than a.b.c.d (decimal, octal, hex, short forms)
            "https://2130706433/", "https://0x7f000001/", "https://0x7f.0.0.1/", "https://0177.0.0.1/",
            "https://127.1/", "https://127.0.1/", "https://017700000001/", "https://0xa9.0xfe.0xa9.0xfe/",
            "https://1.2.3.04/",
            // bad ports
            "https://hooks.example.com:0/", "https://hooks.example.com:99999/"})
    void refusedAtRegistrationInProduction(String url) {
        assertThatThrownBy(() -> TargetGuard.parse(url, false)).as(url).isInstanceOf(TargetGuard.Refused.class);
    }

    @Test
    void refusalsSayWhy() {
        assertThatThrownBy(() -> TargetGuard.parse("http://hooks.example.com/", false))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> TargetGuard.parse("https://169.254.169.254/", false))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> TargetGuard.parse("https://[::1]/", false)).hasMessageContaining("loopback");
        assertThatThrownBy(() -> TargetGuard.parse("https://2130706433/", false))
                .hasMessageContaining("four decimal numbers");
        assertThatThrownBy(() -> TargetGuard.parse("https://0x7f.0.0.1/", false))
                .hasMessageContaining("four decimal numbers");
        assertThatThrownBy(() -> TargetGuard.parse("https://a.example/" + "p".repeat(2100), false))
                .hasMessageContaining("2048");
    }

    @Test
    void aPublicHttpsUrlKeepsItsHostPortPathAndQuery() throws Exception {
        TargetGuard.Target target = TargetGuard.parse("https://Hooks.Example.com:8443/in/coming?x=1&y=2", false);
        assertThat(target.host()).isEqualTo("hooks.example.com");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.https()).isTrue();
        assertThat(target.pathAndQuery()).isEqualTo("/in/coming?x=1&y=2");
        assertThat(TargetGuard.parse("https://hooks.example.com", false).pathAndQuery()).isEqualTo("/");
        assertThat(TargetGuard.parse("https://8.8.8.8/hook", false).port()).isEqualTo(443);
        // a host name made of hex-looking letters is a name, not a number
        assertThat(TargetGuard.parse("https://cafe.be/", false).host()).isEqualTo("cafe.be");
    }

    @Test
    void theLocalProfileAllowsHttpAndLoopback() throws Exception {
        TargetGuard.Target target = TargetGuard.parse("http://127.0.0.1:8099/hook", true);
        assertThat(target.https()).isFalse();
        assertThat(TargetGuard.resolve(target, true).isLoopbackAddress()).isTrue();
        // but never other schemes
        assertThatThrownBy(() -> TargetGuard.parse("ftp://127.0.0.1/", true)).isInstanceOf(TargetGuard.Refused.class);
    }

    @Test
    void resolvedNamesAreCheckedAgainAtDelivery() throws Exception {
        // "localhost" as written is refused up front; a name resolving to loopback is refused after resolution
        TargetGuard.Target target = new TargetGuard.Target(java.net.URI.create("https://loopback.test/"),
                "localhost", 443, true, "/");
        assertThatThrownBy(() -> TargetGuard.resolve(target, false)).isInstanceOf(TargetGuard.Refused.class)
                .hasMessageContaining("loopback");
        TargetGuard.Target unknown = new TargetGuard.Target(java.net.URI.create("https://x.invalid/"),
                "no-such-host.invalid", 443, true, "/");
        assertThatThrownBy(() -> TargetGuard.resolve(unknown, false)).hasMessageContaining("does not resolve");
    }
}
