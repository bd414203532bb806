package io.testabort.reports.pytest;

import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportPatcher;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.io.Inputs;
import io.testabort.crash.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pytest-csv 3.0.0 files: one failed row per crashed test, appended after the existing bytes, which
 * stay as they were. A missing file is created with pytest-csv's default header.
 */
public final class PytestCsvReport implements ReportPatcher {
  /** pytest-csv's default columns. */
  public static final List<String> HEADER =
      List.of("id", "module", "name", "file", "doc", "markers", "status", "message", "duration");

  @Override
  public boolean addCrash(Path report, CrashRecord crash, String testfile) throws BadInputException, IOException {
    NodeId id = NodeId.of(asWritten(crash.nodeid()), testfile);
    if (!Files.exists(report)) {
      AtomicFiles.write(report, (Csv.record(HEADER) + Csv.record(row(HEADER, id, crash))).getBytes(StandardCharsets.UTF_8));
      return true;
    }
    byte[] old = Inputs.readBytes(report);
    List<List<String>> records = parse(report, old);
    List<String> header = records.get(0);
    int idColumn = header.indexOf("id");
    for (List<String> r : records.subList(1, records.size())) {
      if (idColumn < r.size() && r.get(idColumn).equals(id.id())) {
        return false;
      }
    }
    // a file cut off after its last field gets its record ended before ours
    String sep = old.length == 0 || old[old.length - 1] == '\n' || old[old.length - 1] == '\r' ? "" : Csv.RECORD_END;
    byte[] added = (sep + Csv.record(row(header, id, crash))).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(report, out -> {
      out.write(old);
      out.write(added);
    });
    return true;
  }

  /** The file's records; it must be UTF-8 CSV whose header has pytest-csv's {@code id} column. */
  static List<List<String>> parse(Path report, byte[] bytes) throws BadInputException {
    String text = Inputs.decodeUtf8(report, bytes);
    List<List<String>> records;
    try {
      records = Csv.parse(text.startsWith("\ufeff") ? text.substring(1) : text);
    } catch (Csv.MalformedException e) {
      throw new BadInputException(report, "not CSV: " + e.getMessage(), e);
    }
    if (records.isEmpty() || !records.get(0).containsAll(List.of("id", "status", "message"))) {
      throw new BadInputException(report, "not a pytest-csv report (header must have id, status and message columns)");
    }
    return records;
  }

  /** {@code s} as it reads back from the file ({@link Csv#storable}), so ids compare as stored. */
  private static String asWritten(String s) {
    return Csv.storable(s);
  }

  /** Our row in the file's own column order; columns we know nothing about stay empty. */
  private static List<String> row(List<String> header, NodeId id, CrashRecord crash) {
    List<String> row = new ArrayList<>();
    for (String column : header) {
      row.add(cell(column, id, crash));
    }
    return row;
  }

  private static String cell(String column, NodeId id, CrashRecord crash) {
    switch (column) {
      case "id":
        return id.id();
      case "module":
        return id.module();
      case "name":
        return id.name();
      case "file":
        return id.isPytest() ? id.file() : "";
      case "status":
        return "failed";
      case "message":
        return crash.reason();
      case "duration":
        return Json.write(crash.duration());
      default:
        return "";
    }
  }
}
