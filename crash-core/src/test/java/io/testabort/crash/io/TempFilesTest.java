package io.testabort.crash.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temp files next to a report: the JDK's names and permissions, never an existing file. */
class TempFilesTest {
  static final long PID = ProcessHandle.current().pid();
  /** Above any Linux pid_max: certainly no process. */
  static final long DEAD = 2_147_483_000L;

  @TempDir Path dir;

  @Test
  void aFileIsNewEmptyOwnerOnlyAndNamedLikeTheJdks() throws Exception {
    Path a = TempFiles.createFile(dir, ".report.html.", ".tmp");
    Path b = TempFiles.createFile(dir, ".report.html.", ".tmp");

    assertThat(a).isNotEqualTo(b).hasParent(dir);
    assertThat(a.getFileName().toString()).matches("\\.report\\.html\\." + PID + "-[0-9]+\\.tmp");
    assertThat(Files.size(a)).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a))).isEqualTo("rw-------");
  }

  @Test
  void aDirectoryIsOwnerOnly() throws Exception {
    Path d = TempFiles.createDirectory(dir, ".test-abort-rollback-");

    assertThat(d).isDirectory().hasParent(dir);
    assertThat(d.getFileName().toString()).matches("\\.test-abort-rollback-" + PID + "-[0-9]+");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d))).isEqualTo("rwx------");
  }

  @Test
  void aTakenNameIsNeverOverwrittenButDrawnAgain() throws Exception {
    Path taken = Files.writeString(dir.resolve(".r." + PID + "-7.tmp"), "someone else's");
    Iterator<Long> draws = List.of(7L, 7L, 8L).iterator();

    Path p = TempFiles.create(dir, ".r.", ".tmp", false, draws::next);

    assertThat(p).isEqualTo(dir.resolve(".r." + PID + "-8.tmp"));
    assertThat(Files.readString(taken)).isEqualTo("someone else's");
  }

  @Test
  void givesUpAfterAHundredTakenNames() throws Exception {
    Files.createFile(dir.resolve(".r." + PID + "-7.tmp"));
    Iterator<Long> sevens = LongStream.generate(() -> 7L).limit(100).iterator();

    assertThatThrownBy(() -> TempFiles.create(dir, ".r.", ".tmp", false, sevens::next))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void theFirstTempFileInAFolderRemovesWhatKilledRunsLeftThereAndNothingElse() throws Exception {
    Path deadTmp = Files.writeString(dir.resolve(".r.csv." + DEAD + "-5.tmp"), "half a report");
    Path deadBody = Files.writeString(dir.resolve(".big_log.json." + DEAD + "-6.body"), "body");
    Path deadRollback = Files.createDirectory(dir.resolve(".test-abort-rollback-" + DEAD + "-7"));
    Files.writeString(deadRollback.resolve("big_log.json"), "the original, linked");
    Path ours = Files.writeString(dir.resolve(".r.csv." + PID + "-8.tmp"), "this process's");
    Path oldStyle = Files.writeString(dir.resolve(".r.csv.123.tmp"), "no pid in the name");
    Path report = Files.writeString(dir.resolve("r.csv." + DEAD + "-9.tmp"), "not hidden: a user's file");

    Path fresh = TempFiles.createFile(dir, ".r.csv.", ".tmp");

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactlyInAnyOrder(fresh, ours, oldStyle, report);
    }
    assertThat(deadTmp).doesNotExist();
    assertThat(deadBody).doesNotExist();
    assertThat(deadRollback).doesNotExist();
  }

  @Test
  void leftoversAreKnownByTheirNamesOnly() {
    assertThat(TempFiles.leftoverPid(".r.csv.123-456.tmp")).isEqualTo(123);
    assertThat(TempFiles.leftoverPid(".big_log.json.7-8.body")).isEqualTo(7);
    assertThat(TempFiles.leftoverPid(".a.b.html.9-10.blob")).isEqualTo(9);
    assertThat(TempFiles.leftoverPid(".test-abort-rollback-11-12")).isEqualTo(11);
    assertThat(TempFiles.leftoverPid(".r.csv.123.tmp")).isEqualTo(-1); // no pid: an older run's
    assertThat(TempFiles.leftoverPid("r.csv.123-456.tmp")).isEqualTo(-1); // not hidden
    assertThat(TempFiles.leftoverPid(".r.csv.123-456.txt")).isEqualTo(-1);
    assertThat(TempFiles.leftoverPid(".r.csv.-456.tmp")).isEqualTo(-1);
    assertThat(TempFiles.leftoverPid(".r.csv.123-.tmp")).isEqualTo(-1);
    assertThat(TempFiles.leftoverPid(".r.csv.12a-4.tmp")).isEqualTo(-1);
    assertThat(TempFiles.leftoverPid(".test-abort-rollback-x-1")).isEqualTo(-1);
    assertThat(TempFiles.leftoverPid(".tmp")).isEqualTo(-1);
  }
}
