package io.testabort.it;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads marker files as a pytest-abort reader would: one JSON object, trailing whitespace allowed. */
final class Markers {
  private static final JsonFactory JSON = new JsonFactory();

  private Markers() {}

  static List<Path> in(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("last_running_\\d+\\.json")).sorted()
          .collect(Collectors.toList());
    }
  }

  /** The only marker in {@code dir}; fails when there is none or more than one. */
  static Map<String, Object> only(Path dir) throws IOException {
    List<Path> markers = in(dir);
    if (markers.size() != 1) {
      throw new AssertionError("expected one marker in " + dir + ", found " + markers);
    }
    return read(markers.get(0));
  }

  /** Parses a marker; throws if it is not exactly one whole JSON object followed by whitespace. */
  static Map<String, Object> read(Path marker) throws IOException {
    try (JsonParser p = JSON.createParser(Files.readAllBytes(marker))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(marker + ": not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) value(p);
      if (p.nextToken() != null) {
        throw new IOException(marker + ": content after the JSON object");
      }
      return value;
    }
  }

  private static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          map.put(key, value(p));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + p.currentToken());
    }
  }
}
