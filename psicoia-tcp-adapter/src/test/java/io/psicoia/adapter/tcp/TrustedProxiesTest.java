package io.psicoia.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void givenLoopback_whenTesting_thenAll127AndIpv6LoopbackAreTrusted() throws Exception {
        TrustedProxies trusted = TrustedProxies.parse(List.of("loopback"));

        assertThat(trusted.test(ip("127.0.0.1"))).isTrue();
        assertThat(trusted.test(ip("127.9.8.7"))).isTrue();
        assertThat(trusted.test(ip("::1"))).isTrue();
        assertThat(trusted.test(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void givenCidrBlocks_whenTesting_thenOnlyAddressesInsideMatch() throws Exception {
        TrustedProxies trusted = TrustedProxies.parse(List.of(" 10.0.0.0/8 ", "192.168.16.0/20", "2001:db8::/32"));

        assertThat(trusted.test(ip("10.255.1.2"))).isTrue();
        assertThat(trusted.test(ip("11.0.0.1"))).isFalse();
        assertThat(trusted.test(ip("192.168.31.255"))).isTrue();
        assertThat(trusted.test(ip("192.168.32.0"))).isFalse();
        assertThat(trusted.test(ip("2001:db8:1::5"))).isTrue();
        assertThat(trusted.test(ip("2001:db9::5"))).isFalse();
    }

    @Test
    void givenASingleAddress_whenTesting_thenOnlyThatOneMatches() throws Exception {
        TrustedProxies trusted = TrustedProxies.parse(List.of("172.17.0.2"));

        assertThat(trusted.test(ip("172.17.0.2"))).isTrue();
        assertThat(trusted.test(ip("172.17.0.3"))).isFalse();
    }

    @Test
    void givenNothing_whenTesting_thenNobodyIsTrusted() throws Exception {
        assertThat(TrustedProxies.parse(List.of()).test(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void givenInvalidEntries_whenParsing_thenRejectedNamingTheEntry() {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.example.org")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.example.org");
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
