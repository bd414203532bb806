package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: a report's blob as plain Java values (maps, lists, strings), for comparing JSON values. */
final class BlobReader {
  private BlobReader() {}

  static Object read(Path report) throws Exception {
    BlobFile blob = BlobFile.open(report);
    if (blob == null) {
      throw new AssertionError("no data-jsonblob in " + report);
    }
    try (JsonParser p = blob.parse()) {
      p.nextToken();
      return value(p);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tests(Path report) throws Exception {
    return (Map<String, Object>) ((Map<String, Object>) read(report)).get("tests");
  }

  static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          p.nextToken();
          m.put(k, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING: return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return p.getDecimalValue();
      case VALUE_TRUE: return true;
      case VALUE_FALSE: return false;
      default: return null;
    }
  }
}
