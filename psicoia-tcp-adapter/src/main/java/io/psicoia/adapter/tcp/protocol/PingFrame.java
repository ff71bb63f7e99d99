package io.psicoia.adapter.tcp.protocol;

/** {@code {"type":"ping"}}; answered with a {@link PongFrame}. */
public record PingFrame() implements ClientFrame {}
