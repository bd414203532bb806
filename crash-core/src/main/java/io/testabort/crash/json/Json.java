package io.testabort.crash.json;

import io.testabort.crash.BadInputException;
import io.testabort.crash.io.Inputs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A small ordered JSON tree: objects are {@link java.util.LinkedHashMap}, arrays {@link java.util.ArrayList},
 * numbers {@link JsonNumber} (their text as written), then String, Boolean and null. Reading is
 * {@link JsonReader}'s, writing {@link JsonWriter}'s: Python's {@code json.dumps}, ASCII only with
 * {@code \\uXXXX} escapes, because the pytest tools whose files we patch write that way.
 */
public final class Json {
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
    byte[] utf8;
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
      utf8 = new byte[encoded.remaining()];
      encoded.get(utf8);
    } catch (CharacterCodingException e) {
      throw new IOException("the text holds an unpaired surrogate, which JSON text cannot", e);
    }
    return JsonReader.read(utf8);
  }

  /** Parses UTF-8 bytes (as written by the pytest tools); invalid UTF-8 is an error. */
  public static Object parse(byte[] utf8) throws IOException {
    return JsonReader.read(utf8);
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
