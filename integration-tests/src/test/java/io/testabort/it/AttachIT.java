package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Agent-Class}: the agent attached to a JVM that is already running tests rewrites the framework
 * classes loaded before it and names the tests that start afterwards.
 */
class AttachIT {
  @Test
  void attachedAgentNamesTheNextTest(@TempDir Path dir) throws Exception {
    Path go = dir.resolve("go");
    Path markers = dir.resolve("markers");
    List<String> cmd = List.of(Jdks.java(Jdks.current()), "-Dattach.go=" + go,
        "-jar", Project.launcher("junit5-console.jar").toString(), "execute",
        "--class-path", Paths.get(System.getProperty("test.classes")) + ":" + System.getProperty("crash.support.classes"),
        "--select-class", "io.testabort.it.fixtures.AttachLater", "--disable-banner", "--details=none");
    Process tests = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("output.txt").toFile()).start();
    try {
      VirtualMachine vm = attachWhenReady(tests.pid());
      try {
        vm.loadAgent(Project.agentJar().toString(), "dir=" + markers);
      } finally {
        vm.detach();
      }
      Files.createFile(go);
      assertThat(tests.waitFor(2, TimeUnit.MINUTES)).isTrue();
    } finally {
      tests.destroyForcibly();
    }

    assertThat(tests.exitValue()).as(Files.readString(dir.resolve("output.txt"))).isEqualTo(137);
    assertThat(Markers.only(markers))
        .containsEntry("nodeid", "io.testabort.it.fixtures.AttachLater#diesAfterTheAttach")
        .containsEntry("pid", tests.pid());
  }

  /** The target JVM answers attach requests once its attach listener is up. */
  private static VirtualMachine attachWhenReady(long pid) throws Exception {
    Exception last = null;
    for (int i = 0; i < 100; i++) {
      try {
        return VirtualMachine.attach(Long.toString(pid));
      } catch (Exception e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw last;
  }
}
