package io.psicoia.adapter.tcp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

    private static final InetAddress ANA = address("192.0.2.10");
    private static final InetAddress BETO = address("192.0.2.20");
    private static final InetAddress PROXY = InetAddress.getLoopbackAddress();

    private final List<String> events = new ArrayList<>();

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // an IP literal: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An embedded channel with a real remote address, registered (and active) after the address is set. */
    private static final class RemoteChannel extends EmbeddedChannel {
        private final InetSocketAddress remote;

        RemoteChannel(InetAddress remote, io.netty.channel.ChannelHandler... handlers) throws Exception {
            super(DefaultChannelId.newInstance(), false, false);
            this.remote = new InetSocketAddress(remote, 40000);
            pipeline().addLast(handlers);
            register();
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return remote;
        }
    }

    /** Stands for the stages after the limiter; records what reaches them. */
    private final class Downstream extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            events.add("active");
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            events.add("read");
            io.netty.util.ReferenceCountUtil.release(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            events.add("inactive");
        }
    }

    private RemoteChannel connect(ConnectionLimiter limiter, InetAddress from) throws Exception {
        return new RemoteChannel(from, limiter, new Downstream());
    }

    private static String written(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            text.append(buf.toString(UTF_8));
            buf.release();
        }
        return text.toString();
    }

    @Test
    void givenRoomLeft_whenAClientConnects_thenItIsAdmittedAndCounted() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 2);

        RemoteChannel channel = connect(limiter, ANA);

        assertThat(channel.isActive()).isTrue();
        assertThat(events).containsExactly("active");
        assertThat(limiter.open()).isEqualTo(1);
        assertThat(limiter.openFrom(ANA)).isEqualTo(1);
        assertThat(written(channel)).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void givenTheTotalCapReached_whenAnotherClientConnects_thenItGetsOneSpanishLineAndIsClosed() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(1, 5);
        RemoteChannel first = connect(limiter, ANA);
        events.clear();

        RemoteChannel second = connect(limiter, BETO);

        assertThat(written(second))
                .isEqualTo("PsicoIA está recibiendo demasiadas conexiones en este momento."
                        + " Probá de nuevo en unos minutos.\n");
        assertThat(second.isOpen()).isFalse();
        assertThat(events).isEmpty();
        assertThat(limiter.open()).isEqualTo(1);
        assertThat(limiter.openFrom(BETO)).isZero();
        assertThat(limiter.refused(ConnectionLimiter.Refusal.TOO_MANY_CONNECTIONS))
                .isEqualTo(1);
        first.finishAndReleaseAll();
        second.finishAndReleaseAll();
    }

    @Test
    void givenThePerAddressCapReached_whenTheSameAddressConnects_thenItIsRefusedButOthersAreNot() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 2);
        RemoteChannel one = connect(limiter, ANA);
        RemoteChannel two = connect(limiter, ANA);

        RemoteChannel three = connect(limiter, ANA);
        RemoteChannel other = connect(limiter, BETO);

        assertThat(written(three))
                .isEqualTo("Hay demasiadas conexiones abiertas desde tu dirección. Cerrá alguna y probá de nuevo.\n");
        assertThat(three.isOpen()).isFalse();
        assertThat(other.isActive()).isTrue();
        assertThat(limiter.open()).isEqualTo(3);
        assertThat(limiter.openFrom(ANA)).isEqualTo(2);
        assertThat(limiter.refused(ConnectionLimiter.Refusal.TOO_MANY_FROM_ADDRESS))
                .isEqualTo(1);
        for (EmbeddedChannel channel : List.of(one, two, three, other)) {
            channel.finishAndReleaseAll();
        }
    }

    /** Holds writes without completing them, so a refused channel stays open while its line is "in flight". */
    private static final class HeldWrites extends io.netty.channel.ChannelOutboundHandlerAdapter {
        private final List<Object> held = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) {
            held.add(msg);
        }

        void releaseAll() {
            held.forEach(io.netty.util.ReferenceCountUtil::release);
        }
    }

    @Test
    void givenARefusedClientStillFlushing_whenItSendsBytes_thenTheyAreReleasedAndNeverReachLaterStages()
            throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 1);
        RemoteChannel admitted = connect(limiter, ANA);
        HeldWrites held = new HeldWrites();
        RemoteChannel refused = new RemoteChannel(ANA, held, limiter, new Downstream());
        events.clear();
        ByteBuf bytes = Unpooled.copiedBuffer("hola\n", UTF_8);

        refused.writeInbound(bytes);

        assertThat(refused.isOpen()).isTrue();
        assertThat(bytes.refCnt()).isZero();
        assertThat(events).isEmpty();
        assertThat(refused.config().isAutoRead()).isFalse();
        held.releaseAll();
        admitted.finishAndReleaseAll();
        refused.finishAndReleaseAll();
    }

    @Test
    void givenAdmittedAndRefusedChannels_whenTheyClose_thenOnlyAdmittedOnesAreDecremented() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 1);
        RemoteChannel admitted = connect(limiter, ANA);
        RemoteChannel refused = connect(limiter, ANA);
        refused.finishAndReleaseAll();
        assertThat(limiter.open()).isEqualTo(1);

        admitted.close();
        admitted.pipeline().fireChannelInactive(); // a second inactive must not count twice

        assertThat(limiter.open()).isZero();
        assertThat(limiter.openFrom(ANA)).isZero();
        assertThat(limiter.trackedAddresses()).isZero();
        assertThat(events).containsExactly("active", "inactive");
        admitted.finishAndReleaseAll();
    }

    @Test
    void givenManyAddressesComeAndGo_whenAllClose_thenNoEntriesRemain() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(1000, 3);
        List<RemoteChannel> channels = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            channels.add(connect(limiter, address("198.51.100." + i)));
        }
        assertThat(limiter.trackedAddresses()).isEqualTo(200);

        channels.forEach(EmbeddedChannel::finishAndReleaseAll);

        assertThat(limiter.trackedAddresses()).isZero();
        assertThat(limiter.open()).isZero();
    }

    @Test
    void givenATrustedProxy_whenManyClientsConnectThroughIt_thenOnlyTheTotalApplies() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 1, PROXY::equals);

        RemoteChannel first = connect(limiter, PROXY);
        RemoteChannel second = connect(limiter, PROXY);

        assertThat(first.isActive()).isTrue();
        assertThat(second.isActive()).isTrue();
        assertThat(limiter.open()).isEqualTo(2);
        assertThat(limiter.openFrom(PROXY)).isZero();
        first.finishAndReleaseAll();
        second.finishAndReleaseAll();
    }

    @Test
    void givenAProxiedConnection_whenThePeerIsAdmitted_thenItCountsForThePeerUntilItCloses() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 1, PROXY::equals);
        RemoteChannel first = connect(limiter, PROXY);
        RemoteChannel second = connect(limiter, PROXY);

        assertThat(limiter.admitPeer(first, ANA)).isEmpty();
        assertThat(limiter.admitPeer(second, ANA)).contains(ConnectionLimiter.Refusal.TOO_MANY_FROM_ADDRESS);
        assertThat(limiter.openFrom(ANA)).isEqualTo(1);

        first.finishAndReleaseAll();
        assertThat(limiter.openFrom(ANA)).isZero();
        assertThat(limiter.admitPeer(second, ANA)).isEmpty();
        second.finishAndReleaseAll();
        assertThat(limiter.trackedAddresses()).isZero();
        assertThat(limiter.open()).isZero();
    }

    @Test
    void givenAChannelWithoutAnInetAddress_whenItConnects_thenItCountsOnlyTowardsTheTotal() {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 1);

        EmbeddedChannel channel = new EmbeddedChannel(limiter);

        assertThat(channel.isActive()).isTrue();
        assertThat(limiter.open()).isEqualTo(1);
        assertThat(limiter.trackedAddresses()).isZero();
        channel.finishAndReleaseAll();
        assertThat(limiter.open()).isZero();
    }

    @Test
    void givenInvalidCaps_whenConstructed_thenRejected() {
        assertThatThrownBy(() -> new ConnectionLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionLimiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
