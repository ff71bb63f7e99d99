package io.psicoia.adapter.tcp.protocol;

/** A frame a client sends in JSON mode, as {@link JsonProtocol#parse(String)} returns it. */
public sealed interface ClientFrame permits HelloFrame, MessageFrame, CancelFrame, PingFrame, ByeFrame {}
