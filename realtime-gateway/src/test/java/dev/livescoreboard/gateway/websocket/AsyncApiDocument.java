package dev.livescoreboard.gateway.websocket;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/asyncapi.yaml} as a JSON tree, with what the tests ask of it: validation against the
 * official AsyncAPI 3.0.0 JSON Schema, its messages by channel and direction, and each message's
 * payload as a JSON Schema to check real frames against.
 */
final class AsyncApiDocument {

  /** Surefire runs in the module's directory; the document lives in the repository's docs. */
  static final Path FILE = Path.of("../docs/asyncapi.yaml");

  private static final String OFFICIAL_SCHEMA = "/asyncapi/asyncapi-3.0.0.schema.json";

  private final JsonNode root;

  private AsyncApiDocument(JsonNode root) {
    this.root = root;
  }

  static AsyncApiDocument load() {
    try {
      return new AsyncApiDocument(YAMLMapper.builder().build().readTree(Files.readString(FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode root() {
    return root;
  }

  /** What the official AsyncAPI 3.0.0 schema finds wrong with {@code document}; empty if valid. */
  static List<Error> specificationErrors(JsonNode document) {
    try (InputStream in = AsyncApiDocument.class.getResourceAsStream(OFFICIAL_SCHEMA)) {
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
      return schema.validate(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Follows local {@code $ref}s ({@code #/...}) until a node that is not a reference. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref") && current.get("$ref").asString().startsWith("#")) {
      current = root.at(current.get("$ref").asString().substring(1));
      if (current.isMissingNode()) {
        throw new AssertionError("unresolved reference " + node.get("$ref").asString());
      }
    }
    return current;
  }

  /** The messages of a channel, by their key in the channel, resolved. */
  Map<String, JsonNode> channelMessages(String channel) {
    Map<String, JsonNode> messages = new LinkedHashMap<>();
    root.path("channels")
        .path(channel)
        .path("messages")
        .properties()
        .forEach(entry -> messages.put(entry.getKey(), resolve(entry.getValue())));
    return messages;
  }

  /**
   * The {@code name}s of the messages that operations with {@code action} carry on {@code channel},
   * with the replies of the opposite action's operations (a reply to a received message is sent).
   */
  List<String> messageNames(String channel, String action) {
    String channelPath = "#/channels/" + channel;
    List<String> names = new ArrayList<>();
    for (JsonNode operation : root.path("operations")) {
      if (!operation.path("channel").path("$ref").asString().equals(channelPath)) {
        continue;
      }
      if (operation.path("action").asString().equals(action)) {
        operation.path("messages").forEach(ref -> names.add(resolve(ref).path("name").asString()));
      } else {
        operation
            .path("reply")
            .path("messages")
            .forEach(ref -> names.add(resolve(ref).path("name").asString()));
      }
    }
    return names.stream().distinct().toList();
  }

  /** The message under {@code components/messages} whose {@code name} is {@code name}. */
  JsonNode message(String name) {
    for (JsonNode message : root.path("components").path("messages")) {
      if (message.path("name").asString().equals(name)) {
        return message;
      }
    }
    throw new AssertionError("no message named " + name + " in " + FILE);
  }

  /** A message's payload schema, resolved, to read its properties. */
  JsonNode payload(JsonNode message) {
    return resolve(message.path("payload"));
  }

  /**
   * A message's payload as a JSON Schema that validates instances: the document's components with a
   * root {@code $ref} to the payload, so the payload's own {@code #/components/...} references
   * resolve as they do in the document.
   */
  Schema payloadSchema(String messageName) {
    JsonNode payload = message(messageName).path("payload");
    String pointer =
        payload.has("$ref")
            ? payload.get("$ref").asString()
            : "#" + pointerTo(messageName) + "/payload";
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
    wrapper.set("components", root.path("components").deepCopy());
    wrapper.put("$ref", pointer);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(wrapper);
  }

  private String pointerTo(String messageName) {
    for (Map.Entry<String, JsonNode> entry :
        root.path("components").path("messages").properties()) {
      if (entry.getValue().path("name").asString().equals(messageName)) {
        return "/components/messages/" + entry.getKey();
      }
    }
    throw new AssertionError("no message named " + messageName);
  }
}
