package io.testabort.reports.pytest.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Older pytest-html pages (before 4.0) that hold their results as static table rows and no blob. */
final class TableOnlyReport {
  private TableOnlyReport() {}

  static boolean looksLikeOne(Path file) throws IOException {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(1 << 20), StandardCharsets.ISO_8859_1);
    }
    return head.contains("id=\"results-table\"") && head.contains("pytest-html");
  }
}
