package dev.livescoreboard.bench.ceiling;

import dev.livescoreboard.bench.http.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The static-file ceiling's server: a bare Netty HTTP server answering every request with the same
 * in-memory bytes (as big as the real GET response) and the headers nginx sends with a static file,
 * keep-alive, one event loop per core.
 */
public final class StaticFileServer implements AutoCloseable {

  private final EventLoopGroup group;
  private final Channel server;

  public StaticFileServer(byte[] body) throws InterruptedException {
    ByteBuf content =
        Unpooled.unreleasableBuffer(Unpooled.directBuffer(body.length).writeBytes(body));
    this.group = NettyTransport.group(Runtime.getRuntime().availableProcessors());
    Responder responder = new Responder(content);
    this.server =
        new ServerBootstrap()
            .group(group)
            .channel(NettyTransport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpServerCodec()).addLast(responder);
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  public URI url() {
    InetSocketAddress address = (InetSocketAddress) server.localAddress();
    return URI.create("http://127.0.0.1:" + address.getPort());
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  @ChannelHandler.Sharable
  private static final class Responder extends SimpleChannelInboundHandler<HttpObject> {
    private final ByteBuf content;

    Responder(ByteBuf content) {
      this.content = content;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
      if (!(message instanceof HttpRequest request)) {
        return; // the (empty) request body
      }
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content.duplicate());
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
      HttpUtil.setContentLength(response, content.readableBytes());
      // What nginx sends with a static file (SPEC §8 compares against nginx), fixed strings.
      response
          .headers()
          .set(HttpHeaderNames.SERVER, "nginx/1.22.1")
          .set(HttpHeaderNames.DATE, "Tue, 24 Nov 2026 10:00:00 GMT")
          .set(HttpHeaderNames.LAST_MODIFIED, "Tue, 24 Nov 2026 09:00:00 GMT")
          .set(HttpHeaderNames.ETAG, "\"6743e7d0-363\"")
          .set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      var written = ctx.writeAndFlush(response);
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }
  }
}
