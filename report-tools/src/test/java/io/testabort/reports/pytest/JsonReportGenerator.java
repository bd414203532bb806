package io.testabort.reports.pytest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes a big pytest-json-report 1.5.0 file in the plugin's layout: thousands of tests whose captured
 * output holds ANSI colours, control characters and non-ASCII text (as {@code \\uXXXX} escapes).
 * Test {@code i} has node id {@code test_big.py::test_case[i]}.
 *
 * <p>Usage: {@code JsonReportGenerator OUT TARGET_BYTES}
 */
public final class JsonReportGenerator {
  private static final int ENTRY_BYTES_ESTIMATE = 3_800;

  private JsonReportGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Paths.get(args[0]);
    long target = Long.parseLong(args[1]);
    int n = (int) (target / ENTRY_BYTES_ESTIMATE) + 1;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.US_ASCII), 1 << 16)) {
      w.write("{\"created\": 1767268800.123456, \"duration\": 12.5, \"exitcode\": 0, \"root\": \"/src/big\", "
          + "\"environment\": {\"Python\": \"3.11.2\"}, \"summary\": {\"passed\": " + n + ", \"total\": " + n
          + ", \"collected\": " + n + "}, \"collectors\": [{\"nodeid\": \"test_big.py\", \"outcome\": \"passed\", \"result\": [");
      for (int i = 0; i < n; i++) {
        w.write((i == 0 ? "" : ", ") + "{\"nodeid\": \"test_big.py::test_case[" + i + "]\", \"type\": \"Function\", \"lineno\": " + (10 + i) + "}");
      }
      w.write("]}], \"tests\": [");
      for (int i = 0; i < n; i++) {
        w.write((i == 0 ? "" : ", ") + "{\"nodeid\": \"test_big.py::test_case[" + i + "]\", \"lineno\": " + (10 + i)
            + ", \"outcome\": \"passed\", \"keywords\": [\"test_case[" + i + "]\", \"test_big.py\", \"\"], "
            + "\"setup\": {\"duration\": 0.0001, \"outcome\": \"passed\"}, \"call\": {\"duration\": 0.25, \"outcome\": \"passed\", \"stdout\": \"");
        for (int line = 0; line < 40; line++) {
          w.write("[call " + i + "." + line + "] \\u001b[31mred\\u001b[0m tab:\\there h\\u00e9llo \\u4e2d\\u6587 \\\"q\\\" padding\\n");
        }
        w.write("\"}, \"teardown\": {\"duration\": 0.0001, \"outcome\": \"passed\"}}");
      }
      w.write("]}");
    }
    System.out.println(out + ": " + Files.size(out) + " bytes");
  }
}
