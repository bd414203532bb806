package io.testabort.crash.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  private static Object read(String text) throws IOException {
    return JsonReader.read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Object read(int... bytes) throws IOException {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return JsonReader.read(b);
  }

  @Test
  void readsEveryKindOfValueInOrder() throws Exception {
    Object v = read(" {\"s\": \"x\", \"n\": [1, -2.5e+3, 0], \"t\": true, \"f\": false, \"z\": null, \"o\": {}, \"a\": []}\n");
    assertThat(v).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(List.<Object>copyOf(m.keySet())).containsExactly("s", "n", "t", "f", "z", "o", "a");
    assertThat(m.get("s")).isEqualTo("x");
    assertThat(((List<?>) m.get("n")).stream().map(n -> ((JsonNumber) n).text())).containsExactly("1", "-2.5e+3", "0");
    assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
    assertThat(m.get("f")).isEqualTo(Boolean.FALSE);
    assertThat(m.containsKey("z")).isTrue();
    assertThat(m.get("z")).isNull();
    assertThat(m.get("o")).isEqualTo(Map.of());
    assertThat(m.get("a")).isEqualTo(List.of());
  }

  @Test
  void keepsPythonsNonFiniteNumbersAsText() throws Exception {
    assertThat(((List<?>) read("[NaN, Infinity, -Infinity]")).stream().map(n -> ((JsonNumber) n).text()))
        .containsExactly("NaN", "Infinity", "-Infinity");
  }

  @Test
  void refusesNumbersOutsideTheGrammar() {
    for (String bad : Arrays.asList("01", "1.", ".5", "+1", "-", "1e", "1e+", "-x", "0x10", "1.e5", "--1", "Inf", "nan")) {
      assertThatThrownBy(() -> read("[" + bad + "]")).as(bad).isInstanceOf(IOException.class);
    }
  }

  @Test
  void laterDuplicateKeyWinsAtTheFirstPlaceLikeAPythonDict() throws Exception {
    Map<?, ?> m = (Map<?, ?>) read("{\"a\": 1, \"b\": 2, \"a\": 3}");
    assertThat(List.<Object>copyOf(m.keySet())).containsExactly("a", "b");
    assertThat(((JsonNumber) m.get("a")).text()).isEqualTo("3");
  }

  @Test
  void decodesEscapesAndKeepsALoneSurrogate() throws Exception {
    assertThat(read("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u00C9\\ud83d\\ude00\\udce9\""))
        .isEqualTo("\"\\/\b\f\n\r\té\u00c9\ud83d\ude00\udce9");
  }

  @Test
  void decodesUtf8OfEveryLength() throws Exception {
    assertThat(read("\"aé€😀 <script>]]>\"")).isEqualTo("aé€😀 <script>]]>");
    assertThat(read("{\"é\": \"x\\u0041é\"}")).isEqualTo(Map.of("é", "xAé"));
  }

  @Test
  void refusesInvalidUtf8() {
    int[][] bad = {
      {'"', 0xff, '"'}, // never valid
      {'"', 0xc3, '"'}, // truncated
      {'"', 0xc0, 0xaf, '"'}, // overlong '/'
      {'"', 0xe0, 0x80, 0xaf, '"'}, // overlong
      {'"', 0xed, 0xa0, 0x80, '"'}, // an encoded surrogate (CESU-8)
      {'"', 0xf4, 0x90, 0x80, 0x80, '"'}, // beyond U+10FFFF
      {'"', 0x80, '"'}, // a continuation byte alone
    };
    for (int[] b : bad) {
      assertThatThrownBy(() -> read(b)).as(Arrays.toString(b)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void skipsAUtf8ByteOrderMarkAsPythonDoesOnBytes() throws Exception {
    assertThat(read(0xef, 0xbb, 0xbf, '[', ']')).isEqualTo(List.of());
  }

  @Test
  void refusesRawControlCharactersInStringsButNotDelete() throws Exception {
    assertThatThrownBy(() -> read("\"a\tb\"")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read("\"a\u0000b\"")).isInstanceOf(IOException.class);
    assertThat(read("\"a\u007fb\"")).isEqualTo("a\u007fb");
  }

  @Test
  void refusesMalformedStructure() {
    for (String bad : Arrays.asList("", "  ", "{", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\": 1,}", "{a: 1}", "{1: 2}",
        "[1]]", "{} x", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "tru", "nul", "[true false]", "'a'")) {
      assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(IOException.class);
    }
  }

  @Test
  void refusesNestingBeyondTheLimitWithoutOverflowingTheStack() throws Exception {
    String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
    assertThat(read(ok)).isInstanceOf(List.class);
    assertThatThrownBy(() -> read("[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nested deeper than 1000");
    assertThatThrownBy(() -> read("[".repeat(100_000))).isInstanceOf(IOException.class);
  }

  @Test
  void namesTheLineAndColumnOfTheProblem() {
    assertThatThrownBy(() -> read("{\n  \"a\": 1,\n  \"b\" 2\n}"))
        .isInstanceOf(IOException.class)
        .hasMessage("expected ':', found '2' at line 3, column 7");
    assertThatThrownBy(() -> read("{\"a\": ")).hasMessage("unexpected end of input at line 1, column 7");
    assertThatThrownBy(() -> read("")).hasMessage("empty, no JSON value");
  }

  @Test
  void longPlainStringsAndManyMembersReadBack() throws Exception {
    String big = "x".repeat(1 << 20);
    StringBuilder doc = new StringBuilder("{");
    for (int i = 0; i < 10_000; i++) {
      doc.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"").append(i == 5000 ? big : "v").append('"');
    }
    Map<?, ?> m = (Map<?, ?>) read(doc.append('}').toString());
    assertThat(m).hasSize(10_000);
    assertThat(m.get("k5000")).isEqualTo(big);
  }
}
