package io.testabort.crash.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.testabort.crash.BadInputException;
import io.testabort.crash.io.Inputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small ordered JSON tree over jackson-core's streaming parser: objects are {@link LinkedHashMap},
 * arrays {@link ArrayList}, numbers {@link JsonNumber} (their text as written), then String, Boolean
 * and null. Writing is {@link JsonWriter}'s: Python's {@code json.dumps}, ASCII only with {@code \\uXXXX}
 * escapes, because the pytest tools whose files we patch write that way.
 */
public final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // Python's json module reads and writes these; a report holding one must still round-trip
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          // reports can hold megabytes of captured output in one string; the nesting limit keeps the
          // recursive tree reader far from a stack overflow
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).maxNestingDepth(1_000).build())
          .build();

  private Json() {}

  /** Parses the file's JSON; unreadable or invalid content is bad input naming the file. */
  public static Object read(Path file) throws BadInputException {
    try {
      return parse(Inputs.readBytes(file));
    } catch (IOException e) {
      throw new BadInputException(file, "invalid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses one JSON value; whitespace may follow it, anything else is an error. */
  public static Object parse(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      return parseDocument(p);
    }
  }

  /** Parses UTF-8 bytes (as written by the pytest tools); invalid UTF-8 is an error. */
  public static Object parse(byte[] utf8) throws IOException {
    try (JsonParser p = FACTORY.createParser(utf8)) {
      return parseDocument(p);
    }
  }

  private static Object parseDocument(JsonParser p) throws IOException {
    try {
      return parseValue(p);
    } catch (JsonProcessingException e) {
      // jackson's message carries a multi-line source excerpt; one line with the position is enough
      throw new IOException(e.getOriginalMessage().split("\n", 2)[0] + " at " + where(p), e);
    }
  }

  private static Object parseValue(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new IOException("empty, no JSON value");
    }
    Object value = read(p, first);
    if (p.nextToken() != null) {
      throw new IOException("unexpected content after the JSON value at " + where(p));
    }
    return value;
  }

  private static Object read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String key = p.currentName();
          map.put(key, read(p, p.nextToken()));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
          list.add(read(p, v));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonNumber(p.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + t + " at " + where(p));
    }
  }

  private static String where(JsonParser p) {
    return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
  }

  /** One line, the way pytest-json-report and Python's {@code json.dumps(ensure_ascii=True)} write it. */
  public static String write(Object value) {
    return JsonWriter.ascii().value(value).toString();
  }

  /** Indented like Python's {@code json.dump(indent=n)}. */
  public static String write(Object value, int indent) {
    return JsonWriter.asciiIndented(indent).value(value).toString();
  }

  /** Python's float repr for the values we create (durations, epoch seconds). */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    String s = Double.toString(d);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    // Java "1.0E-5" -> Python "1e-05"; Java "1.2E20" -> Python "1.2e+20"
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exp = Integer.parseInt(s.substring(e + 1));
    if (exp >= 0 && exp < 16) {
      String plain = new java.math.BigDecimal(s).toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }
}
