package io.psicoia.adapter.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
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
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the admin routes; stateless, shared by every connection. */
@ChannelHandler.Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    /** The Prometheus text exposition format. */
    static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Readiness readiness;

    AdminHandler(PrometheusMeterRegistry registry, Readiness readiness) {
        this.registry = registry;
        this.readiness = readiness;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "text/plain; charset=utf-8", "bad request\n");
            return;
        }
        boolean get =
                request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
        String path = new QueryStringDecoder(request.uri()).path();
        switch (path) {
            case "/healthz", "/readyz", "/metrics" -> {
                if (!get) {
                    FullHttpResponse response = response(
                            ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "GET only\n");
                    response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
                    send(ctx, request, response);
                    return;
                }
                route(ctx, request, path);
            }
            default -> respond(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found\n");
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        switch (path) {
            case "/healthz" -> respond(ctx, request, HttpResponseStatus.OK, "text/plain; charset=utf-8", "ok\n");
            case "/readyz" -> {
                Map<String, Boolean> checks = readiness.checks();
                boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
                respond(
                        ctx,
                        request,
                        ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "application/json",
                        readyBody(ready, checks));
            }
            default -> respond(ctx, request, HttpResponseStatus.OK, METRICS_CONTENT_TYPE, registry.scrape());
        }
    }

    /** {@code {"status":"ready","checks":{"listening":true,"llm":true}}}; check names are ours, never escaped. */
    static String readyBody(boolean ready, Map<String, Boolean> checks) {
        StringBuilder body = new StringBuilder("{\"status\":\"").append(ready ? "ready" : "not_ready");
        body.append("\",\"checks\":{");
        boolean first = true;
        for (Map.Entry<String, Boolean> check : checks.entrySet()) {
            if (!first) {
                body.append(',');
            }
            first = false;
            body.append('"').append(check.getKey()).append("\":").append(check.getValue());
        }
        return body.append("}}\n").toString();
    }

    private static void respond(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            HttpResponseStatus status,
            String contentType,
            String body) {
        send(ctx, request, response(ctx, status, contentType, body));
    }

    private static FullHttpResponse response(
            ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, String body) {
        ByteBuf content = ByteBufUtil.writeUtf8(ctx.alloc(), body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("x-content-type-options", "nosniff")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return response;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        if (request.method().equals(HttpMethod.HEAD)) {
            response.content().clear();
        }
        boolean keepAlive =
                HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("event=admin.connection.error type={}", cause.getClass().getSimpleName());
        ctx.close();
    }
}
