package io.testabort.reports.pytest.html;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Test helper: loads a page in headless Chromium with scripts on and no network, and returns the DOM
 * as a person would see it after the page's JS ran. Without Chromium the rendering tests fail in CI
 * ({@code CI=true}) and are skipped elsewhere.
 */
final class Chromium {
  private Chromium() {}

  static Path binary() {
    for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Paths.get(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  static void assumeAvailable() {
    io.testabort.testing.Prerequisites.chromium();
  }

  private static List<String> command(Path profile) {
    List<String> cmd = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
    return cmd;
  }

  /** The DOM after load; {@code query} (e.g. {@code "?sort=duration"}) is appended to the file URL. */
  static Document dumpDom(Path page, String query) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path out = Files.createTempFile("dom", ".html");
    try {
      List<String> cmd = command(profile);
      cmd.add("--dump-dom");
      cmd.add(page.toAbsolutePath().toUri() + (query == null ? "" : query));
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("chromium did not finish rendering " + page);
      }
      if (p.exitValue() != 0) {
        fail("chromium exited with " + p.exitValue() + " rendering " + page);
      }
      return Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      deleteTree(profile);
    }
  }

  /** Renders a screenshot (works where --dump-dom crashes, e.g. on a DOM holding a lone surrogate). */
  static long screenshotBytes(Path page) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path png = profile.resolve("shot.png");
    try {
      List<String> cmd = command(profile);
      cmd.add("--screenshot=" + png);
      cmd.add("--window-size=1200,900");
      cmd.add(page.toAbsolutePath().toUri().toString());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("chromium did not finish the screenshot of " + page);
      }
      return Files.exists(png) ? Files.size(png) : 0;
    } finally {
      deleteTree(profile);
    }
  }

  /** Result rows a person sees: tbodies of the results table that are not hidden. */
  static List<Element> visibleRows(Document dom) {
    List<Element> rows = new ArrayList<>();
    for (Element b : dom.select("#results-table tbody.results-table-row")) {
      String style = b.attr("style").replace(" ", "");
      if (!b.hasClass("hidden") && !style.contains("display:none") && !b.hasAttr("hidden")) {
        rows.add(b);
      }
    }
    return rows;
  }

  static String failedLabel(Document dom) {
    return dom.selectFirst("div.filters span.failed").text();
  }

  private static void deleteTree(Path dir) throws Exception {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
