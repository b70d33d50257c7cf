package dev.livescoreboard.gateway.websocket;

import static dev.livescoreboard.gateway.board.Tops.json;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Topics;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.InMemoryLeaderboardStore;
import dev.livescoreboard.gateway.board.TestFeeds;
import dev.livescoreboard.gateway.registry.TestBoards;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docs/asyncapi.yaml} is a valid AsyncAPI 3.0.0 document (checked with the official JSON
 * Schema of the specification) and says what the code does: every message the gateway sends has its
 * documented shape, every client message it documents is one the gateway accepts, every {@code
 * ERROR} code and close code the gateway uses is listed, and the Kafka payloads are the schema
 * files shared-events ships.
 */
class AsyncApiDocumentTest {

  private static final String LIVE = "live";
  private static final String STREAM = "stream";
  private static final String KAFKA = "scoreEvents";

  /** Close codes Netty's WebSocket decoder sends by itself, as configured by the initializer. */
  private static final Set<Integer> NETTY_DECODER_CLOSE_CODES =
      Set.of(
          WebSocketCloseStatus.MESSAGE_TOO_BIG.code(),
          WebSocketCloseStatus.PROTOCOL_ERROR.code(),
          WebSocketCloseStatus.INVALID_PAYLOAD_DATA.code());

  /** A sample record key per Kafka message, made by the code that makes the real keys. */
  private static final Map<String, String> SAMPLE_KEYS =
      Map.of(
          ScoreChanged.TYPE,
          EventKeys.scoreEvent("global", "alice"),
          EntryChanged.TYPE,
          EventKeys.scoreEvent("global", "alice"),
          BoardDefined.TYPE,
          EventKeys.boardEvent("global"),
          SeasonStarted.TYPE,
          EventKeys.boardEvent("global"));

  private static final Pattern MESSAGE_TYPE_LITERAL =
      Pattern.compile(
          "(?:new \\w+\\(\\s*|case |static final String TYPE = )\"([A-Z]+(?:_[A-Z]+)*)\"");

  /** The gateway's own close codes are int constants named {@code CLOSE_...}. */
  private static final Pattern OWN_CLOSE_CODE =
      Pattern.compile("static final int CLOSE_[A-Z_]+ = (\\d+);");

  private static final Pattern CLOSE_STATUS_USE =
      Pattern.compile("WebSocketCloseStatus\\.([A-Z_]+)");

  private static final String SNAPSHOT_WITHOUT_SEQ =
      "{\"type\":\"SNAPSHOT\",\"board\":\"global\",\"season\":\"all-time\",\"entries\":[]}";

  private final AsyncApiDocument document = AsyncApiDocument.load();
  private final InMemoryLeaderboardStore store =
      new InMemoryLeaderboardStore().put(top("global", "all-time", 7, "alice", "bob"));
  private final BoardFeed feed =
      TestFeeds.immediate(store, new BlockingExecutor(Runnable::run), new SimpleMeterRegistry());
  private final EmbeddedChannel channel = connection();

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void documentIsValidAsyncApi300() {
    assertThat(document.root().path("asyncapi").asString()).isEqualTo("3.0.0");
    assertThat(AsyncApiDocument.specificationErrors(document.root())).isEmpty();
  }

  /**
   * The validator is not vacuous: it rejects AsyncAPI 2's {@code publish} action, a WebSocket
   * binding's method other than GET or POST, and an API key carried in a body.
   */
  @ParameterizedTest
  @CsvSource({
    "/operations/receivePing, action, publish",
    "/channels/live/bindings/ws, method, PUT",
    "/components/securitySchemes/accessTokenQuery, in, body"
  })
  void validatorRejectsADocumentThatBreaksTheSpecification(
      String pointer, String field, String value) {
    ObjectNode broken = (ObjectNode) document.root().deepCopy();
    ((ObjectNode) broken.at(pointer)).put(field, value);

    assertThat(AsyncApiDocument.specificationErrors(broken)).isNotEmpty();
  }

  /**
   * The payload schemas are not vacuous either: a frame without its seq, or a negative one, fails.
   */
  @Test
  void payloadSchemasRejectFramesThatBreakThem() {
    Schema snapshot = document.payloadSchema("SNAPSHOT");

    assertThat(snapshot.validate(EventJson.fromJson(SNAPSHOT_WITHOUT_SEQ, JsonNode.class)))
        .isNotEmpty();
    assertThat(
            snapshot.validate(
                EventJson.fromJson(
                    SNAPSHOT_WITHOUT_SEQ.replace("{", "{\"seq\":-1,"), JsonNode.class)))
        .isNotEmpty();
    assertThat(
            snapshot.validate(
                EventJson.fromJson(
                    SNAPSHOT_WITHOUT_SEQ.replace("{", "{\"seq\":3,"), JsonNode.class)))
        .isEmpty();
  }

  /**
   * Drives the gateway's own code to every server message and {@code ERROR} code it can produce
   * without a network, and checks each frame against the document.
   */
  @Test
  void everyMessageTheGatewaySendsMatchesItsDocumentedPayload() {
    List<JsonNode> sent = new ArrayList<>();
    sent.add(json(ServerMessages.ack("c-1", "alice", 30)));
    sent.add(json(ServerMessages.ack("c-2", null, 30)));
    sent.add(reply("{\"type\":\"PING\"}"));
    sent.add(reply("{\"type\":\"SUBSCRIBE\",\"board\":\"global\"}"));
    feed.onTopChanged(top("global", "all-time", 8, "bob", "alice"));
    sent.add(json(channel.readOutbound()));
    sent.add(reply("{\"type\":\"SUBSCRIBE\",\"board\":\"weekly\"}"));
    sent.add(reply("{\"type\":\"SUBSCRIBE\",\"board\":\"three\"}"));
    sent.add(reply("{not json"));
    sent.add(reply("{\"type\":\"DELETE_ALL\"}"));
    sent.add(reply("{\"type\":\"SUBSCRIBE\",\"board\":\"Global\"}"));
    sent.add(reply("{\"type\":\"SUBSCRIBE\",\"board\":\"nobody-defined-it\"}"));
    channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
    sent.add(json(channel.readOutbound()));
    store.reachable(false);
    EmbeddedChannel second = connection();
    second.writeInbound(new TextWebSocketFrame("{\"type\":\"SUBSCRIBE\",\"board\":\"down\"}"));
    sent.add(json(second.readOutbound()));
    second.finishAndReleaseAll();

    List<String> serverMessages = document.messageNames(LIVE, "send");
    Set<String> types = new TreeSet<>();
    Set<String> codes = new TreeSet<>();
    for (JsonNode frame : sent) {
      String type = frame.path("type").asString();
      types.add(type);
      if (type.equals("ERROR")) {
        codes.add(frame.path("code").asString());
      }
      assertThat(serverMessages).as("documented server messages").contains(type);
      assertThat(document.payloadSchema(type).validate(frame)).as(frame.toString()).isEmpty();
      Set<String> documented =
          new TreeSet<>(
              document.payload(document.message(type)).path("properties").propertyNames());
      assertThat(documented).as("documented fields of " + type).containsAll(frame.propertyNames());
    }
    assertThat(types)
        .containsExactlyInAnyOrder(
            "CONNECTION_ACK", "PONG", "SNAPSHOT", "LEADERBOARD_UPDATE", "ERROR");
    assertThat(codes)
        .containsExactlyInAnyOrder(
            "MALFORMED_MESSAGE",
            "UNKNOWN_MESSAGE_TYPE",
            "INVALID_BOARD",
            "BOARD_NOT_FOUND",
            "SUBSCRIPTION_LIMIT",
            "UNSUPPORTED_FRAME",
            "UNAVAILABLE");
  }

  @Test
  void errorCodesAreTheOnesTheGatewaySends() {
    Set<String> documented = new TreeSet<>();
    document
        .payload(document.message("ERROR"))
        .path("properties")
        .path("code")
        .path("enum")
        .forEach(code -> documented.add(code.asString()));
    Set<String> sendable = names(MessageError.values());

    assertThat(documented).as("documented ERROR codes").isEqualTo(sendable);
  }

  /** Each documented client message, sent as its example, is acted on, not refused as unknown. */
  @Test
  void everyDocumentedClientMessageIsOneTheGatewayAccepts() {
    List<String> clientMessages = document.messageNames(LIVE, "receive");

    assertThat(clientMessages).containsExactlyInAnyOrder("SUBSCRIBE", "UNSUBSCRIBE", "PING");
    for (String name : clientMessages) {
      JsonNode example = document.message(name).path("examples").path(0).path("payload");
      assertThat(document.payloadSchema(name).validate(example)).as(name).isEmpty();
      channel.writeInbound(new TextWebSocketFrame(example.toString()));
      for (Object reply; (reply = channel.readOutbound()) != null; ) {
        JsonNode answer = json(reply);
        assertThat(answer.path("type").asString()).as("reply to " + example).isNotEqualTo("ERROR");
      }
    }
  }

  /**
   * The message types written as literals in the code that writes to clients (a record built with
   * its type, a {@code TYPE} constant, a {@code case} of the client message switch) are all
   * documented on the live channel.
   */
  @Test
  void everyMessageTypeInTheGatewaySourcesIsDocumented() throws IOException {
    Set<String> literals = new TreeSet<>();
    for (String source : sources("websocket", "board", "sse", "personal")) {
      Matcher literal = MESSAGE_TYPE_LITERAL.matcher(source);
      while (literal.find()) {
        literals.add(literal.group(1));
      }
    }
    Set<String> documented = new TreeSet<>(document.messageNames(LIVE, "send"));
    documented.addAll(document.messageNames(LIVE, "receive"));

    assertThat(literals).contains("CONNECTION_ACK", "SNAPSHOT", "PING");
    assertThat(documented).containsAll(literals);
  }

  @Test
  void closeCodesAreTheOnesTheGatewayUses() throws IOException {
    Set<Integer> used = new TreeSet<>(NETTY_DECODER_CLOSE_CODES);
    for (String source : sources("")) {
      Matcher use = CLOSE_STATUS_USE.matcher(source);
      while (use.find()) {
        used.add(closeStatus(use.group(1)));
      }
      Matcher own = OWN_CLOSE_CODE.matcher(source);
      while (own.find()) {
        used.add(Integer.valueOf(own.group(1)));
      }
    }
    Set<Integer> documented = new TreeSet<>();
    document
        .root()
        .path("channels")
        .path(LIVE)
        .path("x-close-codes")
        .propertyNames()
        .forEach(code -> documented.add(Integer.valueOf(code)));

    assertThat(used).contains(ServerMessages.CLOSE_TOKEN_EXPIRED, 1008, 1009, 1001);
    assertThat(documented).isEqualTo(used);
  }

  /** SSE carries the same JSON as WebSocket: each event's payload is its WS message's payload. */
  @Test
  void sseEventsCarryTheirWebSocketMessagesPayloads() {
    Map<String, String> sameAs =
        Map.of(
            "snapshot", "SNAPSHOT", "update", "LEADERBOARD_UPDATE", "rank-changed", "RANK_CHANGED");
    Map<String, JsonNode> events = document.channelMessages(STREAM);

    assertThat(events.values().stream().map(m -> m.path("name").asString()))
        .containsExactlyInAnyOrderElementsOf(sameAs.keySet());
    for (JsonNode event : events.values()) {
      String name = event.path("name").asString();
      assertThat(event.path("x-sse-event").asString()).isEqualTo(name);
      assertThat(event.path("payload"))
          .as("payload of SSE " + name)
          .isEqualTo(document.message(sameAs.get(name)).path("payload"));
    }
    assertThat(document.messageNames(LIVE, "send")).containsAll(sameAs.values());
  }

  /**
   * The Kafka channel is the contract topic, and each message's payload is a reference to the JSON
   * Schema file shared-events ships (the same bytes as on its classpath), not a copy.
   */
  @Test
  void kafkaMessagesAreTheTopicsSharedEventsSchemas() throws IOException {
    JsonNode channelNode = document.root().path("channels").path(KAFKA);
    assertThat(channelNode.path("address").asString()).isEqualTo(Topics.SCORE_EVENTS);

    Map<String, JsonNode> messages = document.channelMessages(KAFKA);
    assertThat(messages).isNotEmpty();
    for (JsonNode message : messages.values()) {
      String name = message.path("name").asString();
      String ref = message.path("payload").path("$ref").asString();
      assertThat(ref).as(name).startsWith("../shared-events/src/main/resources/schemas/");
      Path file = AsyncApiDocument.FILE.resolveSibling(ref).normalize();
      assertThat(file).as(name).isRegularFile();
      byte[] shipped = classpathSchema(file.getFileName().toString());
      assertThat(Files.readAllBytes(file))
          .as(name + " is the schema shared-events ships")
          .isEqualTo(shipped);
      JsonNode schema = EventJson.fromBytes(shipped, JsonNode.class);
      assertThat(schema.path("properties").path("type").path("const").asString()).isEqualTo(name);

      if (name.equals(ScoreChanged.TYPE)) {
        // Score changes carry the trace of the request that caused them (command-api's outbox).
        assertThat(message.path("headers").path("properties").has("traceparent")).isTrue();
      }
      assertThat(SAMPLE_KEYS).as("a sample key for " + name).containsKey(name);
      String keyPattern =
          message.path("bindings").path("kafka").path("key").path("pattern").asString();
      assertThat(SAMPLE_KEYS.get(name)).as(name + " key").matches(keyPattern);
    }
  }

  /** Every example in the document matches the payload of its own message. */
  @Test
  void everyExampleMatchesItsMessagesPayload() {
    int checked = 0;
    for (JsonNode message : document.root().path("components").path("messages")) {
      String name = message.path("name").asString();
      for (JsonNode example : message.path("examples")) {
        assertThat(document.payloadSchema(name).validate(example.path("payload")))
            .as(name + " example " + example.path("name").asString())
            .isEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(9);
  }

  /** A connection's message handling on {@link #feed}, watching at most two boards. */
  private EmbeddedChannel connection() {
    return new EmbeddedChannel(
        new ClientMessageHandler(
            new Subscriptions(feed, TestBoards.of("global", "weekly", "three", "down"), 2)));
  }

  private JsonNode reply(String text) {
    channel.writeInbound(new TextWebSocketFrame(text));
    Object reply = channel.readOutbound();
    assertThat(reply).as("reply to " + text).isNotNull();
    return json(reply);
  }

  private static Set<String> names(Enum<?>[] values) {
    Set<String> names = new TreeSet<>();
    Arrays.stream(values).forEach(value -> names.add(value.name()));
    return names;
  }

  private static int closeStatus(String constant) {
    try {
      return ((WebSocketCloseStatus) WebSocketCloseStatus.class.getField(constant).get(null))
          .code();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("not a WebSocketCloseStatus: " + constant, e);
    }
  }

  /** The main sources of the gateway packages named (empty: all of them). */
  private static List<String> sources(String... packages) throws IOException {
    Path base = Path.of("src/main/java/dev/livescoreboard/gateway");
    List<String> texts = new ArrayList<>();
    for (String name : packages) {
      Path dir = base.resolve(name);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          texts.add(Files.readString(file));
        }
      }
    }
    return texts;
  }

  private static byte[] classpathSchema(String fileName) throws IOException {
    try (InputStream in = Topics.class.getResourceAsStream("/schemas/" + fileName)) {
      assertThat(in).as("shared-events ships schemas/" + fileName).isNotNull();
      return in.readAllBytes();
    }
  }
}
