package io.psicoia.adapter.tcp;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.psicoia.domain.text.SpanishTexts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open connections: {@code maxConnections} in total and {@code maxPerIp} per remote address. One instance per
 * server, first in every child pipeline (before framing). A connection over a cap gets one Spanish line ending in
 * {@code \n} and is closed once it is flushed; later stages never see it ({@code channelActive} is not propagated,
 * inbound bytes are released, reading stops).
 *
 * <p>Counts go down on {@code channelInactive}, only for channels this limiter admitted. An address's entry is removed
 * when its count reaches zero, so memory follows open connections, not addresses ever seen. Connections whose remote
 * address is not an {@link InetSocketAddress} (local or embedded transports) and connections from trusted proxies
 * count only towards the total; a trusted proxy's connection is charged to its client's address when the handler
 * learns it ({@link #admitPeer(Channel, InetAddress)}).
 *
 * <p>Thread-safe; logs decisions without addresses.
 */
@Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    /** Why a connection was refused. */
    public enum Refusal {
        /** {@code maxConnections} reached. */
        TOO_MANY_CONNECTIONS(SpanishTexts.TOO_MANY_CONNECTIONS),
        /** {@code maxPerIp} reached for the connection's address. */
        TOO_MANY_FROM_ADDRESS(SpanishTexts.TOO_MANY_FROM_ADDRESS);

        private final String text;

        Refusal(String text) {
            this.text = text;
        }

        /** The Spanish sentence the person reads, without line terminator. */
        public String text() {
            return text;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

    /** Set on admitted channels until they close; holds the address the connection is charged to. */
    private static final AttributeKey<Admission> ADMISSION = AttributeKey.valueOf(ConnectionLimiter.class, "admission");

    private final int maxConnections;
    private final int maxPerIp;
    private final Predicate<InetAddress> trustedProxy;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> openPerAddress = new ConcurrentHashMap<>();
    private final Map<Refusal, LongAdder> refusals = new EnumMap<>(Refusal.class);
    private final LongAdder admitted = new LongAdder();

    /** A limiter that charges every connection to its remote address. */
    public ConnectionLimiter(int maxConnections, int maxPerIp) {
        this(maxConnections, maxPerIp, address -> false);
    }

    /**
     * A limiter under which connections from addresses {@code trustedProxy} accepts count only towards the total until
     * {@link #admitPeer(Channel, InetAddress)} charges them to the client behind the proxy.
     */
    public ConnectionLimiter(int maxConnections, int maxPerIp, Predicate<InetAddress> trustedProxy) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        if (maxPerIp < 1) {
            throw new IllegalArgumentException("maxPerIp must be at least 1: " + maxPerIp);
        }
        this.maxConnections = maxConnections;
        this.maxPerIp = maxPerIp;
        this.trustedProxy = Objects.requireNonNull(trustedProxy, "trustedProxy");
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, new LongAdder());
        }
    }

    /** Connections admitted and not yet closed. */
    public int open() {
        return open.get();
    }

    /** Admitted, still open connections charged to {@code address}. */
    public int openFrom(InetAddress address) {
        return openPerAddress.getOrDefault(address, 0);
    }

    /** Connections admitted since this limiter was created. */
    public long admitted() {
        return admitted.sum();
    }

    /** Connections refused for {@code reason} since this limiter was created. */
    public long refused(Refusal reason) {
        return refusals.get(reason).sum();
    }

    /** Addresses with at least one open connection (the size of the per-address table). */
    int trackedAddresses() {
        return openPerAddress.size();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Optional<InetAddress> address = remoteAddress(ctx.channel());
        InetAddress charged = address.filter(trustedProxy.negate()).orElse(null);
        Optional<Refusal> refusal = tryAcquire(charged);
        if (refusal.isPresent()) {
            refuse(ctx, refusal.get());
            return;
        }
        ctx.channel().attr(ADMISSION).set(new Admission(charged));
        admitted.increment();
        ctx.fireChannelActive();
    }

    /**
     * Charges an admitted connection to {@code peer} instead of the address it was charged to (nothing, for a trusted
     * proxy). Call on the channel's event loop, when a trusted proxy names the client behind it. On refusal nothing
     * changes; the caller tells the person {@link Refusal#text()} and closes.
     *
     * @return the refusal, or empty when the connection now counts for {@code peer}
     */
    public Optional<Refusal> admitPeer(Channel channel, InetAddress peer) {
        Objects.requireNonNull(peer, "peer");
        Admission admission = channel.attr(ADMISSION).get();
        if (admission == null) {
            throw new IllegalStateException("channel was not admitted by this limiter");
        }
        if (peer.equals(admission.address())) {
            return Optional.empty();
        }
        if (!tryAcquireAddress(peer)) {
            refusals.get(Refusal.TOO_MANY_FROM_ADDRESS).increment();
            LOG.debug("event=connection.refused reason=too_many_from_address via=proxy open={}", open.get());
            return Optional.of(Refusal.TOO_MANY_FROM_ADDRESS);
        }
        releaseAddress(admission.address());
        channel.attr(ADMISSION).set(new Admission(peer));
        return Optional.empty();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (ctx.channel().attr(ADMISSION).get() != null) {
            ctx.fireChannelRead(msg);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Admission admission = ctx.channel().attr(ADMISSION).getAndSet(null);
        if (admission != null) {
            releaseAddress(admission.address());
            open.decrementAndGet();
            ctx.fireChannelInactive();
        }
    }

    private Optional<Refusal> tryAcquire(InetAddress address) {
        int current;
        do {
            current = open.get();
            if (current >= maxConnections) {
                return Optional.of(Refusal.TOO_MANY_CONNECTIONS);
            }
        } while (!open.compareAndSet(current, current + 1));
        if (address != null && !tryAcquireAddress(address)) {
            open.decrementAndGet();
            return Optional.of(Refusal.TOO_MANY_FROM_ADDRESS);
        }
        return Optional.empty();
    }

    private boolean tryAcquireAddress(InetAddress address) {
        boolean[] acquired = {false};
        openPerAddress.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerIp) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    private void releaseAddress(InetAddress address) {
        if (address != null) {
            openPerAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    private void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        refusals.get(refusal).increment();
        LOG.debug("event=connection.refused reason={} open={}", refusal.name().toLowerCase(Locale.ROOT), open.get());
        ctx.channel().config().setAutoRead(false);
        byte[] line = (refusal.text() + "\n").getBytes(UTF_8);
        ctx.writeAndFlush(ctx.alloc().buffer(line.length).writeBytes(line)).addListener(ChannelFutureListener.CLOSE);
    }

    private static Optional<InetAddress> remoteAddress(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return Optional.of(inet.getAddress());
        }
        return Optional.empty();
    }

    /** The address a connection is charged to; {@code null} when it counts only towards the total. */
    private record Admission(InetAddress address) {
        @Override
        public String toString() {
            return "Admission[charged=" + (address != null) + "]";
        }
    }
}
