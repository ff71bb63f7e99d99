package io.psicoia.adapter.tcp.protocol;

/** {@code {"type":"bye"}}: the client is leaving. */
public record ByeFrame() implements ClientFrame {}
