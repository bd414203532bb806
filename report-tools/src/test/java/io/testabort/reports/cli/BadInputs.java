package io.testabort.reports.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bad-input corpus: files every command must refuse with exit 3, leaving them as they were. */
final class BadInputs {
  private BadInputs() {}

  /** name -> file, created in {@code dir}; "directory" is a directory where a file is expected. */
  static Map<String, Path> create(Path dir, String extension) throws Exception {
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("empty", Files.write(dir.resolve("empty" + extension), new byte[0]));
    byte[] garbage = new byte[512];
    new java.util.Random(42).nextBytes(garbage);
    files.put("binary", Files.write(dir.resolve("binary" + extension), garbage));
    files.put("truncated", Files.writeString(dir.resolve("truncated" + extension), "{\"created\": 1.5, \"tests\": [{\"nodeid\": \"a", StandardCharsets.UTF_8));
    files.put("not a report", Files.writeString(dir.resolve("other" + extension), "[{\"nodeid\": 1}]\n"));
    files.put("directory", Files.createDirectory(dir.resolve("dir" + extension)));
    Path unreadable = Files.writeString(dir.resolve("unreadable" + extension), "{\"created\": 1, \"summary\": {}, \"tests\": []}");
    Files.setPosixFilePermissions(unreadable, java.util.Set.of());
    if (!Files.isReadable(unreadable)) {
      files.put("unreadable", unreadable); // only when not root: root reads files whatever their mode
    }
    return files;
  }

  /** Bytes of a file, or an empty marker for a directory, to compare before and after. */
  static byte[] bytes(Path p) throws Exception {
    return Files.isDirectory(p) || !Files.isReadable(p) ? new byte[0] : Files.readAllBytes(p);
  }
}
