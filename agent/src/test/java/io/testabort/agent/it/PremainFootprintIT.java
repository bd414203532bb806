package io.testabort.agent.it;

import static io.testabort.agent.it.ForkedRun.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an active agent costs a JVM that runs no test, pinned by what it loads (never by time): premain
 * loads three small agent classes, and none of the JDK machinery that waits for the first test (the
 * environment, paths, a shutdown hook, lambdas). Compared with a do-nothing {@code -javaagent}, class by
 * class, in {@code -Xlog:class+load}.
 */
class PremainFootprintIT {
  /** All that premain may load from the agent jar. */
  static final Set<String> PREMAIN_CLASSES = Set.of(
      "io.testabort.agent.TestAbortAgent", "io.testabort.agent.AgentRuntime",
      "io.testabort.agent.instrument.LazyTransformer");

  /** JDK classes the old premain loaded that wait for the first test now. */
  static final List<String> DEFERRED_JDK_CLASSES = List.of(
      "java.lang.ProcessEnvironment", "java.lang.ApplicationShutdownHooks", "java.nio.file.Paths",
      "java.util.LinkedHashMap$LinkedKeyIterator", "java.lang.invoke.LambdaMetafactory",
      "java.lang.invoke.StringConcatFactory");

  private static final String CLASS_LOAD = "[class,load] ";
  private static final String AGENT_JAR_NAME = Paths.get(System.getProperty("agent.jar")).getFileName().toString();

  @TempDir Path dir;

  static Stream<String> javas() {
    return ForkedRun.javas();
  }

  @ParameterizedTest
  @MethodSource("javas")
  void premainLoadsThreeAgentClassesAndNothingTheFirstTestNeeds(String java) throws Exception {
    Set<String> noop = loaded(java, "-javaagent:" + noopAgent(), "noop");
    Set<String> agent = loaded(java, "-javaagent:" + System.getProperty("agent.jar") + "=dir=" + dir.resolve("markers"), "agent");

    Set<String> fromAgentJar = new TreeSet<>();
    for (String c : agent) {
      if (c.endsWith(" " + AGENT_JAR_NAME)) {
        fromAgentJar.add(c.substring(0, c.indexOf(' ')));
      }
    }
    assertThat(fromAgentJar).isEqualTo(new TreeSet<>(PREMAIN_CLASSES));
    for (String c : DEFERRED_JDK_CLASSES) {
      assertThat(names(agent).contains(c)).as(c + " loaded with the agent but not with a do-nothing agent")
          .isEqualTo(names(noop).contains(c));
    }
    assertThat(dir.resolve("markers")).as("no marker, no directory, for a JVM that runs no test").doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void anActiveAgentSaysWhatIsWrongWithItsOptionsWhenTheFirstFrameworkClassLoads() throws Exception {
    ForkedRun run = Junit4IT.junit4(ForkedRun.defaultJava(), dir, "junit-4.13.2.jar", "colour=red,timeout=soon",
        List.of("crash.at=parses2", "crash.how=kill"));
    assertThat(run.stderr).as(run.describe())
        .containsOnlyOnce("[test-abort] unknown option 'colour' ignored")
        .containsOnlyOnce("[test-abort] option 'timeout' must be a whole number of seconds > 0, got 'soon', ignored");
    run.assertCrashed(Junit4IT.CLASS + "#parses[2]", "parses[2]", Junit4IT.CLASS, "junit4", "call");
  }

  /**
   * Every JVM that names the agent indexes each entry of its jar before premain runs, in interpreted
   * code: the 215 entries of a bundled jackson-core cost a hello-world JVM ~4 ms of CPU
   * (docs/performance-history.md). So the jar holds the agent, the part of crash-core it uses, and the
   * ASM core that Byte Buddy ships, relocated, and nothing else.
   */
  @org.junit.jupiter.api.Test
  void theJarHoldsTheAgentAndAsmAndNoOtherLibrary() throws IOException {
    List<String> classes = new ArrayList<>();
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(System.getProperty("agent.jar"))) {
      for (JarEntry e : java.util.Collections.list(jar.entries())) {
        if (e.getName().endsWith(".class")) {
          classes.add(e.getName());
        }
      }
    }
    String asm = "io/testabort/shaded/net/bytebuddy/jar/asm/";
    assertThat(classes).allSatisfy(c -> assertThat(c)
        .matches("io/testabort/(agent|crash)/.*|" + asm + "[^/]+"));
    assertThat(classes).anyMatch(c -> c.startsWith(asm + "ClassReader"));
    assertThat(classes).as("entries every JVM indexes at start").hasSizeLessThan(200);
  }

  private static Set<String> names(Set<String> loaded) {
    Set<String> out = new TreeSet<>();
    for (String c : loaded) {
      out.add(c.substring(0, c.indexOf(' ')));
    }
    return out;
  }

  /** The classes a JVM running the Idle fixture loads with {@code agentOption}: "name jar-file-name" (or "name -"). */
  private Set<String> loaded(String java, String agentOption, String name) throws IOException, InterruptedException {
    Path log = dir.resolve(name + ".classes.txt");
    Path err = dir.resolve(name + ".stderr.txt");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xlog:class+load:file=" + log, agentOption,
        "-cp", System.getProperty("it.classes"), FIXTURES + "Idle"));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve(name + ".stdout.txt").toFile())
        .redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("child JVM ended: " + cmd).isTrue();
    assertThat(p.exitValue()).as(ForkedRun.read(err)).isZero();
    assertThat(ForkedRun.read(err)).as("nothing on stderr").isEmpty();
    Set<String> classes = new TreeSet<>();
    for (String line : Files.readAllLines(log)) {
      // [0.012s][info][class,load] java.lang.Object source: shared objects file
      int tag = line.indexOf(CLASS_LOAD);
      if (tag >= 0) {
        String rest = line.substring(tag + CLASS_LOAD.length());
        int space = rest.indexOf(' ');
        String className = space < 0 ? rest : rest.substring(0, space);
        int source = rest.indexOf("source: file:");
        classes.add(className + " " + (source < 0 ? "-" : Paths.get(rest.substring(source + "source: file:".length()).trim()).getFileName()));
      }
    }
    return classes;
  }

  /** A jar with {@code NoopPremain} as its Premain-Class. */
  private Path noopAgent() throws IOException {
    Path jar = dir.resolve("noop-agent.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", FIXTURES + "NoopPremain");
    String entry = (FIXTURES + "NoopPremain").replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      jarOut.putNextEntry(new JarEntry(entry));
      jarOut.write(Files.readAllBytes(Paths.get(System.getProperty("it.classes"), entry)));
      jarOut.closeEntry();
    }
    return jar;
  }
}
