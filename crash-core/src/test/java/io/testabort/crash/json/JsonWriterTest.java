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

  /**
   * Plain strings take a bulk path and the rest a character loop; a string ending in a control character
   * always takes the loop, so its output minus that character's escape is what the loop makes of the
   * string alone. Both must agree, for both writers, whatever the string holds ({@code ?} included: the
   * bulk path's stand-in for a character beyond Latin-1).
   */
  @Test
  void thePlainStringPathWritesWhatTheCharacterLoopWrites() throws IOException {
    String[] units = {"a", "Z", "?", " ", "~", "\"", "\\", "é", "\u00ff", "測", "\uD83D\uDE00", "\u0001", "\n",
        "\u007f", "\u0080", "\uDCE9", "/", "#", "[engine:junit-jupiter]"};
    java.util.Random random = new java.util.Random(8);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      int n = i == 0 ? 5000 : random.nextInt(40);
      boolean plainOnly = i % 2 == 0;
      while (b.length() < n) {
        b.append(plainOnly ? units[random.nextInt(2)] : units[random.nextInt(units.length)]);
      }
      String str = b.toString();
      for (boolean ascii : new boolean[] {true, false}) {
        JsonWriter writer = (ascii ? JsonWriter.ascii() : JsonWriter.utf8(16)).value(str);
        String alone = writer.toString();
        String looped = (ascii ? JsonWriter.ascii() : JsonWriter.utf8(16)).value(str + "\u0001").toString();
        assertThat(alone).as(str).isEqualTo(looped.substring(0, looped.length() - 7) + '"');
        assertThat(Json.parse(writer.toByteArray())).as(str).isEqualTo(str);
      }
    }
  }

  @Test
  void aNameEscapedBeforehandWritesWhatTheNameWrites() {
    for (String name : new String[] {"status", "a\"b", "tab\there", "\u0001", ""}) {
      for (int indent : new int[] {-1, 2}) {
        JsonWriter direct = indent < 0 ? JsonWriter.utf8(8) : JsonWriter.asciiIndented(indent);
        JsonWriter named = indent < 0 ? JsonWriter.utf8(8) : JsonWriter.asciiIndented(indent);
        direct.beginObject().name("x").value(1).name(name).value("v").endObject();
        named.beginObject().name("x").value(1).name(JsonWriter.nameOf(name)).value("v").endObject();
        assertThat(named.toString()).as(name).isEqualTo(direct.toString());
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonWriter.nameOf("名前"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Python escapes DEL as {@code \u007f} with ensure_ascii and writes it raw without: never as two bytes. */
  @Test
  void delIsEscapedInAsciiAndOneRawByteInUtf8() throws IOException {
    assertThat(JsonWriter.ascii().value("a\u007fb").toString()).isEqualTo("\"a\\u007fb\"");
    JsonWriter utf8 = JsonWriter.utf8(8).value("a\u007fb");
    assertThat(utf8.toByteArray()).containsExactly('"', 'a', 0x7f, 'b', '"');
    assertThat(utf8.length("a\u007fb")).isEqualTo(3);
    assertThat(Json.parse(utf8.toByteArray())).isEqualTo("a\u007fb");
  }
}
