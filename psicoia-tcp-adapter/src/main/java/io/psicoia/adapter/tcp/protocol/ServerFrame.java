package io.psicoia.adapter.tcp.protocol;

/** A frame the server sends in JSON mode; {@link JsonProtocol#encode(ServerFrame)} writes it. */
public sealed interface ServerFrame
        permits WelcomeFrame, DeltaFrame, DoneFrame, ErrorFrame, QueuedFrame, PongFrame, SafetyFrame {}
