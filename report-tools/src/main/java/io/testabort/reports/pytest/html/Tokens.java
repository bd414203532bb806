package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** Token-by-token copying from parser to generator, shared by sanitize, patch and merge. */
final class Tokens {
  private Tokens() {}

  /**
   * Copies the parser's current token. Numbers keep their text as written (no float round trip);
   * string values go through {@code strings}, field names never do.
   */
  static void copyCurrent(JsonParser p, JsonGenerator g, UnaryOperator<String> strings) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: g.writeStartObject(); break;
      case END_OBJECT: g.writeEndObject(); break;
      case START_ARRAY: g.writeStartArray(); break;
      case END_ARRAY: g.writeEndArray(); break;
      case FIELD_NAME: g.writeFieldName(p.currentName()); break;
      case VALUE_STRING: g.writeString(strings.apply(p.getText())); break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: g.writeNumber(p.getText()); break;
      case VALUE_TRUE: g.writeBoolean(true); break;
      case VALUE_FALSE: g.writeBoolean(false); break;
      case VALUE_NULL: g.writeNull(); break;
      default: throw new IOException("unexpected JSON token " + t);
    }
  }

  /** Copies the value starting at the current token (a scalar or a whole object/array). */
  static void copyValue(JsonParser p, JsonGenerator g) throws IOException {
    copyValue(p, g, UnaryOperator.identity());
  }

  static void copyValue(JsonParser p, JsonGenerator g, UnaryOperator<String> strings) throws IOException {
    int depth = 0;
    do {
      JsonToken t = p.currentToken();
      copyCurrent(p, g, strings);
      if (t.isStructStart()) {
        depth++;
      } else if (t.isStructEnd()) {
        depth--;
      }
    } while (depth > 0 && p.nextToken() != null);
    if (depth > 0) {
      throw new IOException("unexpected end of JSON");
    }
  }

  /** The next token, failing on a premature end instead of returning null. */
  static JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of JSON");
    }
    return t;
  }
}
