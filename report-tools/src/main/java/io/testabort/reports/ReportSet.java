package io.testabort.reports;

import io.testabort.reports.crash.CrashRecord;
import io.testabort.reports.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Several reports patched as one: if any of them turns out to be bad input, the ones already written
 * are put back byte for byte (and created ones removed), so a failed command leaves every input as it was.
 */
public final class ReportSet {
  private final Map<Path, ReportPatcher> reports = new LinkedHashMap<>();

  /** Adds a report (a file, or for JUnit XML a directory) and the patcher of its format. */
  public ReportSet add(Path report, ReportPatcher patcher) {
    reports.put(report, patcher);
    return this;
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

  /** Every file a patch could touch: the report files, and the direct files of report directories. */
  private Map<Path, byte[]> snapshot() throws IOException {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    for (Path report : reports.keySet()) {
      if (Files.isDirectory(report)) {
        try (Stream<Path> s = Files.list(report)) {
          for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
            files.put(f, Files.readAllBytes(f));
          }
        }
        files.put(report, null);
      } else {
        files.put(report, Files.isRegularFile(report) ? Files.readAllBytes(report) : null);
      }
    }
    return files;
  }

  private void restore(Map<Path, byte[]> before) throws IOException {
    for (Path report : reports.keySet()) {
      if (Files.isDirectory(report)) {
        try (Stream<Path> s = Files.list(report)) {
          for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
            if (!before.containsKey(f)) {
              Files.delete(f);
            }
          }
        }
      }
    }
    for (Map.Entry<Path, byte[]> e : before.entrySet()) {
      Path f = e.getKey();
      if (e.getValue() != null) {
        if (!java.util.Arrays.equals(Files.readAllBytes(f), e.getValue())) {
          AtomicFiles.write(f, e.getValue());
        }
      } else if (Files.isRegularFile(f)) {
        Files.delete(f);
      }
    }
  }
}
