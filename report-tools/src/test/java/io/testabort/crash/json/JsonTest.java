package io.testabort.crash.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.reports.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void everyRealPytestJsonReportRoundTripsByteForByte() throws Exception {
    List<Path> reports = Fixtures.raws(".json");
    assertThat(reports).hasSizeGreaterThanOrEqualTo(7);
    for (Path report : reports) {
      byte[] bytes = Files.readAllBytes(report);
      assertThat(Json.write(Json.parse(bytes)).getBytes(StandardCharsets.US_ASCII)).as(report.toString()).isEqualTo(bytes);
    }
  }

  @Test
  void loneSurrogateEscapeSurvives() throws Exception {
    Object v = Json.parse("{\"m\": \"caf\\udce9 \\ud83d\\udc68 \\u2028 \\ufeff\"}");
    assertThat(((Map<?, ?>) v).get("m")).isEqualTo("caf\udce9 \ud83d\udc68 \u2028 \ufeff");
    assertThat(Json.write(v)).isEqualTo("{\"m\": \"caf\\udce9 \\ud83d\\udc68 \\u2028 \\ufeff\"}");
  }

  @Test
  void keepsNumberTextAndKeyOrder() throws Exception {
    String text = "{\"z\": 1e-05, \"a\": 1795681530.8593488, \"m\": -0.0, \"n\": NaN, \"i\": 12345678901234567890}";
    assertThat(Json.write(Json.parse(text))).isEqualTo(text);
  }

  @Test
  void writesNewFloatsLikePython() {
    assertThat(Json.pythonFloat(12.5)).isEqualTo("12.5");
    assertThat(Json.pythonFloat(0.0)).isEqualTo("0.0");
    assertThat(Json.pythonFloat(1e-5)).isEqualTo("1e-05");
    assertThat(Json.pythonFloat(1795681530.5)).isEqualTo("1795681530.5");
    assertThat(Json.pythonFloat(1e7)).isEqualTo("10000000.0");
    assertThat(Json.pythonFloat(1.5e20)).isEqualTo("1.5e+20");
  }

  @Test
  void indentsLikePython() throws Exception {
    assertThat(Json.write(Json.parse("[{\"a\": [], \"b\": {}}, 1]"), 4))
        .isEqualTo("[\n    {\n        \"a\": [],\n        \"b\": {}\n    },\n    1\n]");
  }

  @Test
  void rejectsTruncatedEmptyAndTrailingGarbageButAllowsTrailingSpaces() throws Exception {
    assertThatThrownBy(() -> Json.parse("{\"a\": ")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.parse("  ")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xff, '"'})).isInstanceOf(IOException.class);
    assertThat(Json.parse("{}   \n  ")).isEqualTo(Map.of());
    assertThatThrownBy(() -> Json.parse("[".repeat(100_000))).isInstanceOf(IOException.class);
  }
}
