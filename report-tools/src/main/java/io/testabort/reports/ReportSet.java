package io.testabort.reports;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several reports patched as one: if any of them turns out to be bad input, the ones already written
 * are put back byte for byte (and created ones removed), so a failed command leaves every input as it was.
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

  public boolean isEmpty() {
    return reports.isEmpty();
  }

  /** Adds every crash to every report; returns the reports that were written, in order. */
  public List<Path> addCrashes(List<CrashRecord> crashes, String testfile) throws BadInputException, IOException {
    Map<Path, byte[]> before = snapshot();
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<Path, ReportPatcher> r : reports.entrySet()) {
        boolean changed = false;
        for (CrashRecord crash : crashes) {
          changed |= r.getValue().addCrash(r.getKey(), crash, testfile);
        }
        if (changed) {
          written.add(r.getKey());
        }
      }
    } catch (BadInputException | IOException | RuntimeException e) {
      restore(before);
      throw e;
    }
    return written;
  }

  /** Every file a patch could touch: report files, and the matching files of report directories. */
  private Map<Path, byte[]> snapshot() throws IOException {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    for (Path report : reports.keySet()) {
      for (Path f : directories.containsKey(report) ? matching(report) : List.of(report)) {
        files.put(f, Files.isRegularFile(f) ? Files.readAllBytes(f) : null);
      }
    }
    return files;
  }

  private void restore(Map<Path, byte[]> before) throws IOException {
    for (Path dir : directories.keySet()) {
      for (Path f : matching(dir)) {
        before.putIfAbsent(f, null); // created by the failed patch
      }
    }
    for (Map.Entry<Path, byte[]> e : before.entrySet()) {
      Path f = e.getKey();
      if (e.getValue() == null) {
        if (Files.isRegularFile(f)) {
          Files.delete(f);
        }
      } else if (!Arrays.equals(Files.readAllBytes(f), e.getValue())) {
        AtomicFiles.write(f, e.getValue());
      }
    }
  }

  private List<Path> matching(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, directories.get(dir))) {
      s.forEach(files::add);
    }
    return files;
  }
}
