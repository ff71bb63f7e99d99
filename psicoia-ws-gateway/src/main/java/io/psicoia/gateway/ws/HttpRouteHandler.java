package io.psicoia.gateway.ws;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plain HTTP request: the web client's files, {@code /healthz}, and the Origin check in front of the WebSocket
 * upgrade at {@code /ws} (passed on to the WebSocket handshake only when allowed). Anything else is 404; methods
 * other than GET and HEAD are 405. Every response carries the security headers; HTML also the Content-Security-Policy.
 * One per connection (it answers in order, and nothing here is shared between connections).
 */
final class HttpRouteHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String WS_PATH = "/ws";
    static final String HEALTH_PATH = "/healthz";

    /** No inline script or style, nothing from elsewhere, WebSocket only back to this origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(HttpRouteHandler.class);

    private final String wsPath;
    private final StaticFiles files;
    private final AppHealth health;
    private final List<String> allowedOrigins;
    private final GatewayCounters counters;

    HttpRouteHandler(
            String wsPath, StaticFiles files, AppHealth health, List<String> allowedOrigins, GatewayCounters counters) {
        super(false);
        this.counters = counters;
        this.wsPath = wsPath;
        this.files = files;
        this.health = health;
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            request.release();
            respond(ctx, false, false, plain(HttpResponseStatus.BAD_REQUEST, "Pedido HTTP inválido.\n"), "bad");
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpMethod method = request.method();
        boolean head = HttpMethod.HEAD.equals(method);
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals(wsPath)) {
            if (!request.uri().equals(wsPath)) {
                // Netty's handshake only takes the exact path; anything else here would never be answered.
                request.release();
                respond(ctx, keepAlive, false, plain(HttpResponseStatus.NOT_FOUND, "No encontrado.\n"), "ws");
            } else if (!HttpMethod.GET.equals(method)) {
                request.release();
                respond(ctx, keepAlive, false, methodNotAllowed(), "ws");
            } else if (!originAllowed(request)) {
                request.release();
                LOG.debug("event=ws.refused reason=origin");
                counters.countRefused(GatewayCounters.Refusal.ORIGIN);
                respond(
                        ctx,
                        false,
                        false,
                        plain(HttpResponseStatus.FORBIDDEN, "Este sitio no puede conectarse a PsicoIA.\n"),
                        "ws");
            } else {
                // Ownership passes to the WebSocket handshake.
                ctx.fireChannelRead(request);
            }
            return;
        }
        request.release();
        if (!HttpMethod.GET.equals(method) && !head) {
            respond(ctx, keepAlive, false, methodNotAllowed(), "other");
            return;
        }
        if (path.equals(HEALTH_PATH)) {
            health.reachable(ctx.channel().eventLoop()).addListener(future -> {
                boolean up = future.isSuccess() && Boolean.TRUE.equals(future.getNow());
                FullHttpResponse response = up
                        ? json(HttpResponseStatus.OK, "{\"status\":\"ok\"}\n")
                        : json(HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"status\":\"app_unreachable\"}\n");
                response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
                respond(ctx, keepAlive, head, response, "health");
            });
            return;
        }
        Optional<StaticFiles.StaticFile> file = files.find(path);
        if (file.isEmpty()) {
            respond(ctx, keepAlive, head, plain(HttpResponseStatus.NOT_FOUND, "No encontrado.\n"), "static");
            return;
        }
        StaticFiles.StaticFile found = file.get();
        String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        FullHttpResponse response;
        if (ifNoneMatch != null && ifNoneMatch.contains(found.etag())) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
        } else {
            response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(found.content()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, found.contentType());
        }
        response.headers().set(HttpHeaderNames.ETAG, found.etag());
        // Revalidate every time: a new jar is seen at once, and an unchanged file costs a 304.
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        respond(ctx, keepAlive, head, response, "static");
    }

    /**
     * Same origin ({@code http(s)://} + this request's {@code Host}), one of {@code WS_ALLOWED_ORIGINS}, or no
     * {@code Origin} at all (programs that are not browsers: the CLI, load generators).
     */
    boolean originAllowed(FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        Optional<String> normalized = WsGatewayConfig.normalizeOrigin(origin);
        if (normalized.isEmpty()) {
            return false;
        }
        String value = normalized.get();
        if (allowedOrigins.contains(value)) {
            return true;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host == null || host.isBlank()) {
            return false;
        }
        String authority = host.trim().toLowerCase(Locale.ROOT);
        return value.equals("http://" + authority) || value.equals("https://" + authority);
    }

    private static FullHttpResponse plain(HttpResponseStatus status, String body) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body.getBytes(UTF_8)));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    private static FullHttpResponse json(HttpResponseStatus status, String body) {
        FullHttpResponse response = plain(status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        return response;
    }

    private static FullHttpResponse methodNotAllowed() {
        FullHttpResponse response = plain(HttpResponseStatus.METHOD_NOT_ALLOWED, "Método no permitido.\n");
        response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        return response;
    }

    private static void respond(
            ChannelHandlerContext ctx, boolean keepAlive, boolean head, FullHttpResponse response, String route) {
        addSecurityHeaders(response);
        ByteBuf body = response.content();
        HttpUtil.setContentLength(response, body.readableBytes());
        if (head) {
            body.clear();
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        LOG.debug(
                "event=http.response route={} status={}",
                route,
                response.status().code());
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static void addSecurityHeaders(FullHttpResponse response) {
        response.headers()
                .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Cross-Origin-Resource-Policy", "same-origin");
    }
}
