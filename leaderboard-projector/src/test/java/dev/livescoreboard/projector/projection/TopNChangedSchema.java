package dev.livescoreboard.projector.projection;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published JSON Schema of {@code TopNChanged}, read from the shared-events jar. */
final class TopNChangedSchema {

  private static final String RESOURCE = "schemas/top-n-changed.v1.schema.json";

  private final Schema schema;

  private TopNChangedSchema(Schema schema) {
    this.schema = schema;
  }

  static TopNChangedSchema load() {
    try (InputStream in = TopNChangedSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return new TopNChangedSchema(
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Error> validate(String json) {
    return schema.validate(json, InputFormat.JSON);
  }
}
