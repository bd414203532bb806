package io.testabort.reports.summary;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helper: the DOM of a page after headless Chromium loaded it, without network. Fails without
 * Chromium when CI=true, skips elsewhere (as the pytest-html rendering tests do).
 */
final class HeadlessChromium {
  private HeadlessChromium() {}

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
    if (binary() == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("chromium is not installed, and CI=true requires the rendering tests to run");
      }
      Assumptions.assumeTrue(false, "chromium is not installed");
    }
  }

  static Document dumpDom(Path page) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path out = Files.createTempFile("dom", ".html");
    try {
      Process p = new ProcessBuilder(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", page.toAbsolutePath().toUri().toString()))
          .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
