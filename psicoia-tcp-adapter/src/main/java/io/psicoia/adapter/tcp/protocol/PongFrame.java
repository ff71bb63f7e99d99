package io.psicoia.adapter.tcp.protocol;

/** {@code {"type":"pong"}}, the answer to a ping. */
public record PongFrame() implements ServerFrame {}
