package io.psicoia.adapter.tcp.protocol;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code {"type":"hello","client":"…","locale":"…","peer":"…"}}. Every field is optional; a field of the wrong type,
 * longer than {@value JsonProtocol#MAX_HELLO_FIELD_CHARS} characters, or (for {@code peer}) not an IP address literal
 * is treated as absent. {@code peer} is only a claim: the handler honours it from trusted proxies alone.
 */
public record HelloFrame(Optional<String> client, Optional<String> locale, Optional<InetAddress> peer)
        implements ClientFrame {

    public HelloFrame {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(peer, "peer");
    }

    /** Client-chosen strings are not printed; only whether they are present. */
    @Override
    public String toString() {
        return "HelloFrame[client=" + client.isPresent() + ", locale=" + locale.isPresent() + ", peer="
                + peer.isPresent() + "]";
    }
}
