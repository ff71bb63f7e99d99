package io.psicoia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.psicoia.gateway.ws.WsGatewayConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class GatewayRuntimeTest {

    @Test
    void givenFewOpenFiles_whenTheCapWouldNotFit_thenItIsLoweredToWhatFits() {
        WsGatewayConfig config = WsGatewayConfig.DEFAULTS; // 10,000 connections
        WsGatewayConfig serve = GatewayRuntime.withinDescriptorLimit(config, 3, 20_000, NOPLogger.NOP_LOGGER);
        assertThat(serve.maxConnections()).isEqualTo((20_000 - (int) GatewayRuntime.RESERVED_DESCRIPTORS) / 3);
        WsGatewayConfig gateway = GatewayRuntime.withinDescriptorLimit(config, 2, 20_000, NOPLogger.NOP_LOGGER);
        assertThat(gateway.maxConnections()).isEqualTo((20_000 - (int) GatewayRuntime.RESERVED_DESCRIPTORS) / 2);
    }

    @Test
    void givenEnoughOpenFilesOrNoLimitKnown_thenTheCapIsKept() {
        WsGatewayConfig config = WsGatewayConfig.DEFAULTS;
        assertThat(GatewayRuntime.withinDescriptorLimit(config, 3, 1_048_576, NOPLogger.NOP_LOGGER))
                .isEqualTo(config);
        assertThat(GatewayRuntime.withinDescriptorLimit(config, 3, -1, NOPLogger.NOP_LOGGER))
                .isEqualTo(config);
    }
}
