package io.testabort.reports.pytest;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records the way Python's {@code csv} module writes them (QUOTE_MINIMAL, CRLF). */
public final class Csv {
  public static final String RECORD_END = "\r\n";

  private Csv() {}

  /** Thrown for text that is not CSV (an unterminated quote, or text after a closing quote). */
  public static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /** One record, fields quoted only when they hold {@code , " CR LF}; ends with CRLF. */
  public static String record(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String f = storable(fields.get(i));
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\r') >= 0 || f.indexOf('\n') >= 0) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    return out.append(RECORD_END).toString();
  }

  /**
   * {@code field} as a UTF-8 file can hold it: a lone surrogate (a test name Python decoded with
   * {@code surrogateescape}, say) is spelled out as {@code \\udXXX}, as the JUnit XML report spells
   * out what XML cannot hold, so two such names stay two rows and never read back as {@code ?}.
   */
  public static String storable(String field) {
    StringBuilder out = null;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < field.length() && Character.isLowSurrogate(field.charAt(i + 1));
      if (pair) {
        if (out != null) {
          out.append(c).append(field.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(field.length() + 8).append(field, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? field : out.toString();
  }

  /** All records of {@code text}; line breaks inside quoted fields belong to the field. */
  public static List<List<String>> parse(String text) throws MalformedException {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
          line++;
        }
        record.add(field.toString());
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        afterQuote = false;
      } else if (afterQuote) {
        throw new MalformedException("line " + line + ": text after a closing quote");
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new MalformedException("unterminated quoted field at the end");
    }
    if (field.length() > 0 || !record.isEmpty() || afterQuote) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
