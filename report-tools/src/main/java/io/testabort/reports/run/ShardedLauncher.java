package io.testabort.reports.run;

import java.io.IOException;
import java.io.PrintWriter;
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
 */
public final class ShardedLauncher implements ProcessLauncher {
  public static final String CLASSES = "{classes}";
  public static final String SHARD = "{shard}";
  public static final String GPU = "{gpu}";

  private final ProcessLauncher base;
  private final List<String> gpus;
  private final List<String> gpuEnv;
  private final List<String> testClasses;
  private final PrintWriter out;

  public ShardedLauncher(ProcessLauncher base, List<String> gpus, List<String> gpuEnv, List<String> testClasses, PrintWriter out) {
    if (gpus.isEmpty()) {
      throw new IllegalArgumentException("--gpus: no device");
    }
    this.base = base;
    this.gpus = List.copyOf(gpus);
    this.gpuEnv = List.copyOf(gpuEnv);
    this.testClasses = List.copyOf(testClasses);
    this.out = out;
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
        List<String> cmd = new ArrayList<>();
        for (String arg : command) {
          cmd.add(arg.replace(CLASSES, classes).replace(SHARD, Integer.toString(i)).replace(GPU, gpu));
        }
        Map<String, String> env = new HashMap<>(environment);
        for (String var : gpuEnv) {
          env.put(var, gpu);
        }
        env.put("TEST_ABORT_CLASSES", classes);
        env.put("TEST_ABORT_SHARD", Integer.toString(i));
        out.println(TestRunner.PREFIX + "shard " + i + " on GPU " + gpu + ": " + shards.get(i).size() + " test class(es)");
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
