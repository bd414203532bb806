import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * benchmarks/threads.sh's recorder: a -javaagent that, as the JVM shuts down, appends one line to the
 * file named by its argument, the CPU time of the JVM's threads by group (Linux only):
 * {@code main=ms c1=ms c2=ms gc=ms other=ms process=ms}.
 *
 * <p>A thread's time is the first field of {@code /proc/self/task/TID/schedstat} (nanoseconds on a CPU),
 * its group its kernel name: HotSpot names its own threads ({@code C1 CompilerThre}, {@code GC Thread#0},
 * ...), while the thread that runs {@code main} keeps the launcher's name, {@code java}. Threads that
 * ended before the shutdown are in no group; {@code process} (user + system from {@code /proc/self/stat},
 * in clock ticks) counts them too.
 */
public final class ThreadCpuAgent {
  private ThreadCpuAgent() {}

  public static void premain(String out, java.lang.instrument.Instrumentation unused) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> record(Paths.get(out)), "thread-cpu-recorder"));
  }

  private static void record(Path out) {
    Map<String, Long> nanos = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Paths.get("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String name = read(task.resolve("comm"));
          long onCpu = Long.parseLong(read(task.resolve("schedstat")).split(" ")[0]);
          nanos.merge(group(name), onCpu, Long::sum);
        } catch (IOException | RuntimeException ended) {
          // the thread ended while the directory was read
        }
      }
      StringBuilder line = new StringBuilder();
      for (String g : new String[] {"main", "c1", "c2", "gc", "other"}) {
        line.append(g).append('=').append(nanos.getOrDefault(g, 0L) / 1_000_000.0).append(' ');
      }
      line.append("process=").append(processMillis()).append('\n');
      Files.write(out, line.toString().getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      System.err.println("ThreadCpuAgent: " + e);
    }
  }

  private static String group(String name) {
    if (name.equals("java")) {
      return "main";
    }
    if (name.startsWith("C1 ")) {
      return "c1";
    }
    if (name.startsWith("C2 ")) {
      return "c2";
    }
    return name.startsWith("GC ") || name.startsWith("G1 ") ? "gc" : "other";
  }

  /** utime + stime of the whole process (fields 14 and 15 of /proc/self/stat), at 100 ticks a second. */
  private static double processMillis() throws IOException {
    String stat = read(Paths.get("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.US_ASCII).trim();
  }
}
