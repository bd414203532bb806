package io.testabort.crash.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void asciiIsPythonsJsonDumps() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", List.of(1, "é\u0001\"\\", true));
    m.put("b", null);
    m.put("c", Map.of());
    assertThat(JsonWriter.ascii().value((Object) m).toString())
        .isEqualTo("{\"a\": [1, \"\\u00e9\\u0001\\\"\\\\\", true], \"b\": null, \"c\": {}}");
  }

  @Test
  void utf8KeepsCharactersRawButEscapesControlCharactersAndLoneSurrogates() throws IOException {
    String s = "測\uD83D\uDE00\u0001\n\uDCE9";
    JsonWriter w = JsonWriter.utf8(16).value(s);
    assertThat(w.toString()).isEqualTo("\"測\uD83D\uDE00\\u0001\\n\\udce9\"");
    assertThat(w.size() - 2).isEqualTo(w.length(s));
    assertThat(Json.parse(w.toByteArray())).isEqualTo(s);
  }

  @Test
  void aCappedStringIsCutInBytesAtACharacterBoundary() throws IOException {
    for (String unit : new String[] {"x", "測", "\uD83D\uDE00", "\u0001", "\\", "é"}) {
      String s = unit.repeat(500);
      for (JsonWriter w : new JsonWriter[] {JsonWriter.utf8(16), JsonWriter.ascii()}) {
        w.value(s, 100);
        assertThat(w.size()).as(unit).isLessThanOrEqualTo(102);
        String parsed = (String) Json.parse(w.toByteArray());
        assertThat(parsed).as(unit).endsWith("...");
        assertThat(s).startsWith(parsed.substring(0, parsed.length() - 3));
      }
    }
    assertThat(JsonWriter.utf8(16).value("short", 100).toString()).isEqualTo("\"short\"");
  }

  @Test
  void aResetWriterIsReused() {
    JsonWriter w = JsonWriter.utf8(16);
    w.beginObject().name("k").value(1).endObject();
    w.reset().beginObject().name("x").value("y").endObject();
    assertThat(new String(w.buffer(), 0, w.size(), StandardCharsets.UTF_8)).isEqualTo("{\"x\": \"y\"}");
  }
}
