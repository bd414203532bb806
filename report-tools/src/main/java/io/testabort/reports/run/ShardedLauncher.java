package io.testabort.reports.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code run --gpus 0,1,2,3}: one JVM per device, side by side. The test classes are dealt out round-robin,
 * one shard per device; each shard runs the command with {@code {classes}} (comma-separated, what
 * Surefire's {@code -Dtest=} takes), {@code {shard}} and {@code {gpu}} filled in, and the device in the GPU
 * variables ({@code HIP_VISIBLE_DEVICES}, {@code CUDA_VISIBLE_DEVICES}), which the agent records as the
 * crash's {@code gpu_id}. The shards' classes are also in {@code TEST_ABORT_CLASSES}, for scripts.
 *
 * <p>Linux takes at most 128 KiB for one argument or variable, about 2,000 class names. So each shard's
 * classes are also written one per line to a file ({@code {classes-file}}, {@code TEST_ABORT_CLASSES_FILE}),
 * which Surefire reads as {@code -Dsurefire.includesFile}; a list too long for the variable leaves it
 * unset, and one too long for an argument is refused before anything runs.
 */
public final class ShardedLauncher implements ProcessLauncher {
  public static final String CLASSES = "{classes}";
  public static final String SHARD = "{shard}";
  public static final String GPU = "{gpu}";
  public static final String CLASSES_FILE = "{classes-file}";
  /** The longest argument or {@code NAME=value} Linux passes to a new process (MAX_ARG_STRLEN, NUL included). */
  static final int MAX_STRING_BYTES = 128 * 1024 - 1;

  private final ProcessLauncher base;
  private final List<String> gpus;
  private final List<String> gpuEnv;
  private final List<String> testClasses;
  private final Path filesDir;
  private final PrintWriter out;

  /** @param filesDir where each shard's classes file is written ({@code shard-<i>-classes.txt}) */
  public ShardedLauncher(
      ProcessLauncher base, List<String> gpus, List<String> gpuEnv, List<String> testClasses, Path filesDir, PrintWriter out) {
    if (gpus.isEmpty()) {
      throw new IllegalArgumentException("--gpus: no device");
    }
    for (String gpu : gpus) {
      if (gpu.isBlank()) {
        throw new IllegalArgumentException("--gpus: an empty device id in " + String.join(",", gpus));
      }
    }
    this.base = base;
    this.gpus = List.copyOf(gpus);
    this.gpuEnv = List.copyOf(gpuEnv);
    this.testClasses = List.copyOf(testClasses);
    this.filesDir = filesDir;
    this.out = out;
  }

  /**
   * Refuses a command that no shard could start: an argument holding {@code {classes}} that comes out
   * longer than Linux takes. The message says what to use instead.
   */
  public void check(List<String> command) {
    List<List<String>> shards = shards(testClasses, gpus.size());
    for (int i = 0; i < shards.size(); i++) {
      String classes = String.join(",", shards.get(i));
      for (String arg : command) {
        if (arg.contains(CLASSES) && bytes(fill(arg, classes, "", i, gpus.get(i))) > MAX_STRING_BYTES) {
          throw new IllegalArgumentException("shard " + i + "'s " + shards.get(i).size() + " test classes make an argument of "
              + bytes(fill(arg, classes, "", i, gpus.get(i))) + " bytes, more than the 128 KiB Linux takes: use " + CLASSES_FILE
              + " (a file of one class a line; Surefire: -Dsurefire.includesFile=" + CLASSES_FILE + ") instead of " + CLASSES);
        }
      }
    }
  }

  private static String fill(String arg, String classes, String classesFile, int shard, String gpu) {
    return arg.replace(CLASSES_FILE, classesFile).replace(CLASSES, classes)
        .replace(SHARD, Integer.toString(shard)).replace(GPU, gpu);
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Round-robin: shard i gets classes i, i+n, i+2n... of the sorted list. */
  static List<List<String>> shards(List<String> classes, int n) {
    List<List<String>> shards = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      shards.add(new ArrayList<>());
    }
    for (int i = 0; i < classes.size(); i++) {
      shards.get(i % n).add(classes.get(i));
    }
    return shards;
  }

  /** Runs every non-empty shard at once; the exit code is the first non-zero one in shard order, else 0. */
  @Override
  public int run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    List<List<String>> shards = shards(testClasses, gpus.size());
    ExecutorService pool = Executors.newFixedThreadPool(gpus.size());
    try {
      List<Future<Integer>> exits = new ArrayList<>();
      for (int i = 0; i < shards.size(); i++) {
        if (shards.get(i).isEmpty()) {
          continue;
        }
        String gpu = gpus.get(i);
        String classes = String.join(",", shards.get(i));
        Path classesFile = writeClassesFile(i, shards.get(i));
        List<String> cmd = new ArrayList<>();
        for (String arg : command) {
          cmd.add(fill(arg, classes, classesFile.toString(), i, gpu));
        }
        Map<String, String> env = new HashMap<>(environment);
        for (String var : gpuEnv) {
          env.put(var, gpu);
        }
        env.put("TEST_ABORT_CLASSES_FILE", classesFile.toString());
        env.put("TEST_ABORT_SHARD", Integer.toString(i));
        out.println(TestRunner.PREFIX + "shard " + i + " on GPU " + gpu + ": " + shards.get(i).size() + " test class(es)");
        if (bytes("TEST_ABORT_CLASSES=" + classes) <= MAX_STRING_BYTES) {
          env.put("TEST_ABORT_CLASSES", classes);
        } else {
          env.remove("TEST_ABORT_CLASSES");
          out.println(TestRunner.PREFIX + "  too many for TEST_ABORT_CLASSES (Linux takes 128 KiB a variable), which is unset:"
              + " the shard's classes are in TEST_ABORT_CLASSES_FILE");
        }
        out.flush();
        exits.add(pool.submit(() -> base.run(cmd, env)));
      }
      int exit = 0;
      for (Future<Integer> f : exits) {
        int code = get(f);
        if (exit == 0) {
          exit = code;
        }
      }
      return exit;
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public Map<Long, String> takeKills() {
    return base.takeKills();
  }

  /** The shard's classes, one a line, in {@code filesDir}: {@code shard-<i>-classes.txt}, written anew each run. */
  private Path writeClassesFile(int shard, List<String> classes) throws IOException {
    Files.createDirectories(filesDir);
    Path file = filesDir.resolve("shard-" + shard + "-classes.txt").toAbsolutePath();
    StringBuilder text = new StringBuilder();
    classes.forEach(c -> text.append(c).append('\n'));
    Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static int get(Future<Integer> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
