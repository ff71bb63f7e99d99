package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void givenHostAndPort_whenParsing_thenBothAreKept() {
        assertThat(ServerAddress.parse(" localhost:5001 ")).contains(new ServerAddress("localhost", 5001));
        assertThat(ServerAddress.parse("10.0.0.7:1")).contains(new ServerAddress("10.0.0.7", 1));
    }

    @Test
    void givenABracketedIpv6Literal_whenParsing_thenTheBracketsAreDroppedAndShownAgain() {
        ServerAddress address = ServerAddress.parse("[::1]:65535").orElseThrow();

        assertThat(address.host()).isEqualTo("::1");
        assertThat(address).hasToString("[::1]:65535");
    }

    @Test
    void givenSomethingThatIsNotHostColonPort_whenParsing_thenEmpty() {
        for (String bad : new String[] {
            "",
            "localhost",
            "localhost:",
            ":5001",
            "localhost:0",
            "localhost:65536",
            "localhost:50a1",
            "::1:5001",
            "[::1]5001",
            "http://localhost:5001",
            "mi host:5001"
        }) {
            assertThat(ServerAddress.parse(bad)).as(bad).isEmpty();
        }
    }
}
