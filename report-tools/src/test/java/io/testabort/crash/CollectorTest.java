package io.testabort.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.reports.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTest {
  @TempDir Path tmp;

  /** The pid of a process that has exited. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  static Path marker(Path dir, long pid, String status) throws Exception {
    return Files.writeString(dir.resolve("last_running_" + pid + ".json"), "{\"test_name\": \"t" + pid + "\", \"nodeid\": \"com.x.T#t" + pid
        + "\", \"start_time\": \"" + IsoTime.format(LocalDateTime.now().minusSeconds(1)) + "\", \"status\": \"" + status + "\", \"pid\": " + pid
        + ", \"gpu_id\": \"unknown\"}" + " ".repeat(64));
  }

  // collected in a later CI step, ten minutes after the JVM died: the crash took five seconds, the time
  // its fatal error log was written, not ten minutes
  @Test
  void aDeadJvmsCrashTimeIsWhenItsFatalErrorLogWasWritten() throws Exception {
    long dead = deadPid();
    LocalDateTime start = LocalDateTime.now().minusMinutes(10);
    Path hsErr = Files.writeString(tmp.resolve("hs_err_pid" + dead + ".log"), "#\n# A fatal error has been detected by the Java Runtime Environment:\n");
    Files.setLastModifiedTime(hsErr, java.nio.file.attribute.FileTime.from(
        start.plusSeconds(5).atZone(java.time.ZoneId.systemDefault()).toInstant()));
    Path markers = Files.createDirectories(tmp.resolve("markers"));
    Files.writeString(markers.resolve("last_running_" + dead + ".json"), "{\"test_name\": \"t\", \"nodeid\": \"com.x.T#t\", \"start_time\": \""
        + IsoTime.format(start) + "\", \"status\": \"running\", \"pid\": " + dead + ", \"gpu_id\": \"unknown\", \"jvm\": {\"error_file\": \""
        + hsErr + "\"}}");

    CrashRecord r = new Collector(markers, new CrashLog(tmp.resolve("crashes.jsonl"))).collect().records().get(0);

    assertThat(r.duration()).isBetween(4.99, 5.01);
    assertThat(r.crashTime()).isEqualTo(IsoTime.format(start.plusSeconds(5)));
  }

  @Test
  void recordsDeadRunningMarkersDropsIdleOnesKeepsLiveOnes() throws Exception {
    long dead = deadPid();
    long idle = deadPid();
    long live = ProcessHandle.current().pid();
    marker(tmp, dead, "running");
    marker(tmp, idle, "idle");
    Path liveMarker = marker(tmp, live, "running");
    Files.writeString(tmp.resolve("notes.txt"), "not a marker");
    CrashLog log = new CrashLog(tmp.resolve("log/crashes.jsonl"));

    Collector.Result result = new Collector(tmp, log).collect();
    assertThat(result.records()).extracting(CrashRecord::nodeid).containsExactly("com.x.T#t" + dead);
    assertThat(result.records().get(0).fields()).containsEntry("source", "collector").containsEntry("pid", String.valueOf(dead))
        .containsEntry("test_class", "com.x.T");
    assertThat(log.read()).extracting(CrashJson::toLine).containsExactly(CrashJson.toLine(result.records().get(0)));
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(liveMarker.getFileName().toString(), "notes.txt", "log");
    }
    assertThat(new Collector(tmp, log).collect().records()).isEmpty();
  }

  /**
   * The agent collects in every test JVM that starts, and that JVM may be killed between its claim and
   * its record: a claim whose collector is gone is taken over; a live collector's is left to it.
   */
  @Test
  void aClaimLeftByACollectorThatDiedIsRecordedByTheNextCollector() throws Exception {
    long crashed = deadPid();
    long deadCollector = deadPid();
    Path orphan = marker(tmp, crashed, "running");
    Path claimedByDead = tmp.resolve(orphan.getFileName() + ".claimed-" + deadCollector);
    Files.move(orphan, claimedByDead);
    long other = deadPid();
    Path mine = marker(tmp, other, "running");
    long liveCollector = ProcessHandle.current().parent().orElseThrow().pid();
    Path claimedByLive = tmp.resolve(mine.getFileName() + ".claimed-" + liveCollector);
    Files.move(mine, claimedByLive);
    CrashLog log = new CrashLog(tmp.resolve("crashes.jsonl"));

    Collector.Result result = new Collector(tmp, log).collect();

    assertThat(result.records()).extracting(CrashRecord::nodeid).containsExactly("com.x.T#t" + crashed);
    assertThat(log.read()).extracting(CrashRecord::nodeid).containsExactly("com.x.T#t" + crashed);
    assertThat(claimedByDead).doesNotExist();
    assertThat(claimedByLive).exists();
    assertThat(new Collector(tmp, log).collect().records()).isEmpty();
  }

  @Test
  void invalidMarkerIsReportedAndLeftInPlace() throws Exception {
    long dead = deadPid();
    Path bad = Files.writeString(tmp.resolve("last_running_" + dead + ".json"), "{\"status\": \"running\", \"start");
    long good = deadPid();
    marker(tmp, good, "running");
    Collector.Result result = new Collector(tmp, null).collect();
    assertThat(result.records()).hasSize(1);
    assertThat(result.invalid()).singleElement().satisfies(e -> assertThat(e.file()).isEqualTo(bad));
    assertThat(Files.readString(bad)).isEqualTo("{\"status\": \"running\", \"start");
  }

  @Test
  void everyLastRunningJsonCountsAndThePidInsideDecides() throws Exception {
    long dead = deadPid();
    long live = ProcessHandle.current().pid();
    String body = "\"start_time\": \"" + IsoTime.format(LocalDateTime.now().minusSeconds(1)) + "\", \"status\": \"running\", \"pid\": ";
    Files.writeString(tmp.resolve("last_running_main.json"), "{\"nodeid\": \"t.py::main\", " + body + dead + "}");
    Files.writeString(tmp.resolve("last_running_gw3.json"), "{\"nodeid\": \"t.py::gw3\", " + body + dead + "}");
    Path running = Files.writeString(tmp.resolve("last_running_gw4.json"), "{\"nodeid\": \"t.py::gw4\", " + body + live + "}");
    // the name says a live pid, the marker a dead one
    Files.writeString(tmp.resolve("last_running_" + live + ".json"), "{\"nodeid\": \"com.x.T#moved\", " + body + dead + "}");
    Path noPid = Files.writeString(tmp.resolve("last_running_main2.json"), "{\"nodeid\": \"t.py::x\", \"status\": \"running\"}");
    Path negativePid = Files.writeString(tmp.resolve("last_running_main3.json"), "{\"nodeid\": \"t.py::y\", " + body + "-1}");
    Path temp = Files.writeString(tmp.resolve("last_running_main.json.tmp.123"), "{");

    Collector.Result result = new Collector(tmp, null).collect();

    assertThat(result.records()).extracting(CrashRecord::nodeid).containsExactly("com.x.T#moved", "t.py::gw3", "t.py::main");
    assertThat(result.invalid()).extracting(Exception::getMessage).containsExactly(
        noPid + ": invalid marker: its \"pid\" is missing or not a process id, so no way to tell whether its process is gone",
        negativePid + ": invalid marker: its \"pid\" is missing or not a process id, so no way to tell whether its process is gone");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).containsExactlyInAnyOrder(running, noPid, negativePid, temp);
    }
  }

  @Test
  void aMarkerIsGivenBackWhenTheCrashLogCannotBeWritten() throws Exception {
    Path marker = marker(tmp, deadPid(), "running");
    Path unwritable = Files.createDirectory(tmp.resolve("log-is-a-directory"));
    assertThatThrownBy(() -> new Collector(tmp, new CrashLog(unwritable)).collect()).isInstanceOf(java.io.IOException.class);
    assertThat(marker).exists();
    assertThat(new Collector(tmp, null).collect().records()).hasSize(1);
  }

  @Test
  void eightCollectorProcessesRecordEachMarkerExactlyOnce() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("markers"));
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      long pid = deadPid();
      marker(dir, pid, "running");
      expected.add("com.x.T#t" + pid);
    }
    Path log = tmp.resolve("crashes.jsonl");
    List<Process> collectors = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String[] args = {"collect", "--marker-dir", dir.toString(), "--crash-log", log.toString()};
      List<String> cmd = new ArrayList<>(List.of(JavaProcesses.currentJava().toString(), "-cp", System.getProperty("java.class.path"),
          Main.class.getName()));
      cmd.addAll(List.of(args));
      collectors.add(new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out" + i + ".jsonl").toFile())
          .redirectError(tmp.resolve("err" + i + ".txt").toFile()).start());
    }
    List<String> printed = new ArrayList<>();
    for (int i = 0; i < collectors.size(); i++) {
      int code = collectors.get(i).waitFor();
      assertThat(code).as(Files.readString(tmp.resolve("err" + i + ".txt"))).isIn(0, 1);
      printed.addAll(Files.readAllLines(tmp.resolve("out" + i + ".jsonl")));
    }

    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(50);
    List<String> logged = new ArrayList<>();
    for (String line : lines) {
      logged.add(CrashJson.fromJson(line).nodeid()); // every line is a whole record
    }
    assertThat(logged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(printed.stream().map(l -> {
      try {
        return CrashJson.fromJson(l).nodeid();
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).collect(Collectors.toList())).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
