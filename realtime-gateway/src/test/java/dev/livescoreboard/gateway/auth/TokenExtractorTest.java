package dev.livescoreboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.gateway.auth.BearerToken.Source;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class TokenExtractorTest {

  @Test
  void tokenFromTheAuthorizationHeader() {
    HttpRequest request = request("/ws");
    request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer abc.def.ghi");
    assertThat(TokenExtractor.extract(request))
        .contains(new BearerToken("abc.def.ghi", Source.AUTHORIZATION_HEADER));
  }

  @Test
  void schemeIsCaseInsensitive() {
    HttpRequest request = request("/ws");
    request.headers().set(HttpHeaderNames.AUTHORIZATION, "bearer abc");
    assertThat(TokenExtractor.extract(request)).map(BearerToken::value).contains("abc");
  }

  @Test
  void tokenFromTheAccessTokenQueryParameter() {
    assertThat(TokenExtractor.extract(request("/ws?board=global&access_token=abc.def")))
        .contains(new BearerToken("abc.def", Source.QUERY_PARAMETER));
  }

  @Test
  void tokenFromTheBearerSubprotocolPair() {
    HttpRequest request = request("/ws");
    request.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "bearer, abc.def.ghi");
    assertThat(TokenExtractor.extract(request))
        .contains(new BearerToken("abc.def.ghi", Source.SUBPROTOCOL));
  }

  @Test
  void headerWinsOverTheOtherPlaces() {
    HttpRequest request = request("/ws?access_token=from-query");
    request.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "bearer, from-protocol");
    request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer from-header");
    assertThat(TokenExtractor.extract(request)).map(BearerToken::value).contains("from-header");
  }

  @Test
  void subprotocolWinsOverTheQuery() {
    HttpRequest request = request("/ws?access_token=from-query");
    request.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "bearer, from-protocol");
    assertThat(TokenExtractor.extract(request)).map(BearerToken::value).contains("from-protocol");
  }

  @Test
  void noTokenWhenNoneIsPresentOrUsable() {
    assertThat(TokenExtractor.extract(request("/ws?board=global"))).isEmpty();
    assertThat(TokenExtractor.extract(request("/ws?access_token="))).isEmpty();

    HttpRequest basic = request("/ws");
    basic.headers().set(HttpHeaderNames.AUTHORIZATION, "Basic dXNlcjpwYXNz");
    assertThat(TokenExtractor.extract(basic)).isEmpty();

    HttpRequest lonelyProtocol = request("/ws");
    lonelyProtocol.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "bearer");
    assertThat(TokenExtractor.extract(lonelyProtocol)).isEmpty();
  }

  @Test
  void tokensNeverAppearInToString() {
    assertThat(new BearerToken("secret.jwt.value", Source.QUERY_PARAMETER).toString())
        .doesNotContain("secret");
  }

  private static HttpRequest request(String uri) {
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
  }
}
