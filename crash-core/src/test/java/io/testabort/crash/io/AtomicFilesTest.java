package io.testabort.crash.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report replaced through a temp file and a rename: links followed, failures naming the report. */
class AtomicFilesTest {
  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String[] names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void replacesTheFileKeepsItsPermissionsAndLeavesNoTempFile() throws Exception {
    Path report = Files.writeString(dir.resolve("r.csv"), "old");
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-r--"));

    AtomicFiles.write(report, utf8("new"));

    assertThat(report).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-rw-r--");
    assertThat(names()).containsExactly("r.csv");
  }

  @Test
  void aLinkedReportIsReplacedWhereTheLinkPointsAndTheLinkStays() throws Exception {
    Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("r.csv"), "old");
    Path relative = Files.createSymbolicLink(dir.resolve("relative.csv"), Path.of("real", "r.csv"));
    Path chained = Files.createSymbolicLink(dir.resolve("chained.csv"), relative.toAbsolutePath());

    AtomicFiles.write(relative, utf8("through a relative link"));
    assertThat(Files.isSymbolicLink(relative)).isTrue();
    assertThat(real).hasContent("through a relative link");

    AtomicFiles.write(chained, utf8("through two links"));
    assertThat(Files.isSymbolicLink(chained)).isTrue();
    assertThat(real).hasContent("through two links");
    assertThat(AtomicFiles.realTarget(chained)).isEqualTo(real.toAbsolutePath());
  }

  @Test
  void aFailureNamesTheReportNotTheTempFile() throws Exception {
    Path taken = Files.createDirectory(dir.resolve("out.html")); // the report's name is a folder's
    Files.writeString(taken.resolve("x"), "x");

    assertThatThrownBy(() -> AtomicFiles.write(taken, utf8("page")))
        .isInstanceOfSatisfying(FileSystemException.class, e -> {
          assertThat(e.getFile()).isEqualTo(taken.toString());
          assertThat(e.getOtherFile()).isNull();
          assertThat(e.getReason()).isNotBlank();
        });
    assertThat(names()).containsExactly("out.html");
  }

  @Test
  void aTempFileThatCannotBeCreatedNamesTheReport() throws Exception {
    Path report = dir.resolve("gone").resolve("r.json"); // its folder does not exist

    assertThatThrownBy(() -> TempFiles.createBeside(report, ".body"))
        .isInstanceOfSatisfying(FileSystemException.class, e -> assertThat(e.getFile()).isEqualTo(report.toString()));
  }
}
