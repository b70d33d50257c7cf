package dev.livescoreboard.command.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's JSON converter, except that a body is serialized before it is sent, so the response
 * carries {@code Content-Length}: the converter flushes after writing, which commits the response,
 * and a body of unknown length then goes out chunked, as two socket writes (headers and body, then
 * the terminating chunk) where one suffices. Every body here is a few hundred bytes to a few
 * kilobytes, so the copy costs less than the write it saves (on both ends of the connection).
 */
class ContentLengthJsonConverter extends JacksonJsonHttpMessageConverter {

  ContentLengthJsonConverter(JsonMapper mapper) {
    super(mapper);
  }

  @Override
  protected void writeInternal(
      Object object,
      ResolvableType type,
      HttpOutputMessage outputMessage,
      Map<String, Object> hints)
      throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(512);
    super.writeInternal(object, type, new Buffered(outputMessage.getHeaders(), body), hints);
    outputMessage.getHeaders().setContentLength(body.size());
    body.writeTo(outputMessage.getBody());
  }

  /** The real message's headers, a buffer as its body. */
  private record Buffered(HttpHeaders headers, OutputStream body) implements HttpOutputMessage {

    @Override
    public OutputStream getBody() {
      return body;
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }
  }
}
