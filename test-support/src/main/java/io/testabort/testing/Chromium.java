package io.testabort.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Loads a page in headless Chromium with scripts on and no network, as a person's browser would, and
 * returns the DOM after the page's JS ran, or a screenshot. Without Chromium the calling test fails on CI
 * and is skipped visibly elsewhere ({@link Prerequisites#chromium()}).
 */
public final class Chromium {
  private Chromium() {}

  public static void assumeAvailable() {
    Prerequisites.chromium();
  }

  /** The DOM after load. */
  public static Document dumpDom(Path page) throws Exception {
    return dumpDom(page, null);
  }

  /** The DOM after load; {@code query} (e.g. {@code "?sort=duration"}) is appended to the file URL. */
  public static Document dumpDom(Path page, String query) throws Exception {
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

  /** The size of a screenshot (it renders where --dump-dom crashes, e.g. on a DOM holding a lone surrogate). */
  public static long screenshotBytes(Path page) throws Exception {
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

  // the flags keep a root, headless Chromium off the (closed) network and out of the user's profile
  private static List<String> command(Path profile) {
    return new ArrayList<>(List.of(Prerequisites.chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
