package io.testabort.reports;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several reports patched as one: if any of them turns out to be bad input (or anything else fails),
 * the ones already written are put back byte for byte and created ones removed, so a failed command
 * leaves every input as it was. Nothing is held in memory for that: see {@link Rollback}.
 */
public final class ReportSet {
  private final Map<Path, ReportPatcher> reports = new LinkedHashMap<>();
  /** Report directories, with the glob of the files their patcher may write. */
  private final Map<Path, String> directories = new LinkedHashMap<>();

  /** Adds a report file and the patcher of its format. */
  public ReportSet add(Path report, ReportPatcher patcher) {
    reports.put(report, patcher);
    return this;
  }

  /** Adds a report directory whose patcher writes files matching {@code glob} (e.g. {@code TEST-*.xml}). */
  public ReportSet addDirectory(Path dir, String glob, ReportPatcher patcher) {
    directories.put(dir, glob);
    return add(dir, patcher);
  }

  /** Patches several report directories together: which of them a crash goes to depends on the others. */
  @FunctionalInterface
  public interface DirectoriesPatcher {
    /** Returns the directories written, in order. */
    List<Path> addCrashes(List<CrashRecord> crashes, String testfile) throws BadInputException, IOException;
  }

  private static final class Group {
    final List<Path> dirs;
    final String glob;
    final DirectoriesPatcher patcher;

    Group(List<Path> dirs, String glob, DirectoriesPatcher patcher) {
      this.dirs = dirs;
      this.glob = glob;
      this.patcher = patcher;
    }
  }

  private final List<Group> groups = new ArrayList<>();

  /** Adds report directories patched as one ({@code patcher} knows them), their files matching {@code glob}. */
  public ReportSet addDirectories(List<Path> dirs, String glob, DirectoriesPatcher patcher) {
    groups.add(new Group(List.copyOf(dirs), glob, patcher));
    return this;
  }

  public boolean isEmpty() {
    return reports.isEmpty() && groups.isEmpty();
  }

  /**
   * Adds every crash to every report, each report read and written once for all of them; returns the
   * reports that were written, in order. If one report fails, every report is put back as it was.
   */
  public List<Path> addCrashes(List<CrashRecord> crashes, String testfile) throws BadInputException, IOException {
    return addCrashes(crashes, testfile, () -> {});
  }

  /** What else must succeed for the patched reports to stay (appending the crash to its log, say). */
  @FunctionalInterface
  public interface Step {
    void run() throws BadInputException, IOException;
  }

  /**
   * The same, then {@code alsoDone} once every report is written: if it fails, the reports are put back
   * too, so that a command that could not finish leaves every input as it was.
   */
  public List<Path> addCrashes(List<CrashRecord> crashes, String testfile, Step alsoDone)
      throws BadInputException, IOException {
    Rollback rollback = new Rollback();
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<Path, ReportPatcher> r : reports.entrySet()) {
        Path report = r.getKey();
        if (directories.containsKey(report)) {
          rollback.keepDirectory(report, directories.get(report));
        } else {
          rollback.keepFile(report);
        }
        try {
          if (r.getValue().addCrashes(report, crashes, testfile)) {
            written.add(report);
          }
        } catch (BadInputException | IOException e) {
          throw e;
        } catch (RuntimeException | Error e) {
          throw new ReportFailure(report, e);
        }
      }
      for (Group g : groups) {
        for (Path dir : g.dirs) {
          rollback.keepDirectory(dir, g.glob); // all of them before any is written
        }
        try {
          written.addAll(g.patcher.addCrashes(crashes, testfile));
        } catch (BadInputException | IOException e) {
          throw e;
        } catch (RuntimeException | Error e) {
          throw new ReportFailure(g.dirs.get(0), e);
        }
      }
      alsoDone.run();
    } catch (Throwable e) {
      try {
        rollback.undo();
      } catch (IOException | RuntimeException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
    rollback.commit();
    return written;
  }
}
