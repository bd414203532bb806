package io.testabort.reports.pytest;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.reports.Fixtures;
import io.testabort.reports.cli.Cli;
import io.testabort.crash.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombineAndFlattenTest {
  @TempDir Path tmp;

  Path logDir() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("logs"));
    for (Path raw : Fixtures.raws(".json")) {
      Files.copy(raw, dir.resolve(raw.getFileName()));
    }
    Files.writeString(dir.resolve("notes.json"), "not a report and not *_log.json");
    return dir;
  }

  @Test
  void combinesEveryLogJsonInNameOrderKeepingEachReportIntact() throws Exception {
    Path dir = logDir();
    Cli r = Cli.run("combine-json", dir.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    Path out = dir.resolve(JsonReportCombiner.DEFAULT_NAME);
    String text = Files.readString(out, StandardCharsets.US_ASCII);
    assertThat(text).startsWith("[\n    {\n        \"created\": ");
    List<?> combined = (List<?>) Json.parse(text);
    List<Path> raws = Fixtures.raws(".json");
    assertThat(combined).hasSize(raws.size());
    for (int i = 0; i < raws.size(); i++) {
      assertThat(Json.write(combined.get(i)).getBytes(StandardCharsets.US_ASCII)).isEqualTo(Files.readAllBytes(raws.get(i)));
    }
  }

  @Test
  void flattensTheCombinedReportToOneRowPerTest() throws Exception {
    Path dir = logDir();
    Path combined = tmp.resolve("all.json");
    assertThat(Cli.run("combine-json", dir.toString(), "-o", combined.toString()).code()).isEqualTo(0);
    Path csv = tmp.resolve("all.csv");
    Cli r = Cli.run("json-to-csv", combined.toString(), csv.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);

    List<List<String>> rows = Csv.parse(Files.readString(csv));
    int tests = 0;
    for (Object report : (List<?>) Json.read(combined)) {
      tests += ((List<?>) ((Map<?, ?>) report).get("tests")).size();
    }
    assertThat(rows).hasSize(tests + 1);
    assertThat(rows.get(0)).isEqualTo(CompiledReportCsv.HEADER);
    assertThat(rows).contains(List.of("test_basic.py::test_error_in_setup", "error", "0", "test_error_in_setup;test_basic.py;suite;"));
    assertThat(rows).anySatisfy(row -> assertThat(row.subList(0, 2)).containsExactly("test_basic.py::test_pass", "passed"));
    assertThat(Files.readString(csv)).startsWith("name,outcome,duration,keywords\r\n");
  }

  // the reports are written out one at a time: one that is bad after good ones must still leave no output
  @Test
  void aBadReportAfterGoodOnesLeavesTheOutputAsItWas() throws Exception {
    Path dir = logDir();
    Files.writeString(dir.resolve("zz_log.json"), "{\"tests\": [");
    Path out = Files.writeString(tmp.resolve("o.json"), "earlier");

    Cli r = Cli.run("combine-json", dir.toString(), "-o", out.toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("zz_log.json");
    assertThat(Files.readString(out)).isEqualTo("earlier");
    try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void emptyDirectoryGivesAnEmptyListAndExitOne() throws Exception {
    Path out = tmp.resolve("o.json");
    assertThat(Cli.run("combine-json", tmp.toString(), "-o", out.toString()).code()).isEqualTo(1);
    assertThat(Files.readString(out)).isEqualTo("[]");
  }

  @Test
  void badInputsAreRefusedWithNothingWritten() throws Exception {
    Path dir = logDir();
    Path bad = Files.writeString(dir.resolve("broken_log.json"), "{\"tests\": [");
    Cli r = Cli.run("combine-json", dir.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(bad.toString()).hasLineCount(1);
    assertThat(dir.resolve(JsonReportCombiner.DEFAULT_NAME)).doesNotExist();

    Path single = Fixtures.raw("test_basic_log.json");
    r = Cli.run("json-to-csv", single.toString(), tmp.resolve("x.csv").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(single.toString()).hasLineCount(1);
    assertThat(tmp.resolve("x.csv")).doesNotExist();
  }
}
