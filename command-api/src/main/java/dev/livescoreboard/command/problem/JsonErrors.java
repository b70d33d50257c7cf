package dev.livescoreboard.command.problem;

import java.util.regex.Pattern;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Describes an unreadable request body by the field at fault, without Jackson's internals. */
final class JsonErrors {

  private static final Pattern SAFE_FIELD = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,100}");

  private JsonErrors() {}

  static String describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      // The name is the caller's own text: echo it only when it cannot carry markup or controls.
      return SAFE_FIELD.matcher(field).matches()
          ? "unknown field '" + field + "'"
          : "the request body has an unknown field";
    }
    if (cause instanceof StreamReadException) {
      return "the request body is not well-formed JSON";
    }
    if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      return "field '" + path(jackson) + "' has the wrong type or format";
    }
    return "the request body is missing or not valid JSON";
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
