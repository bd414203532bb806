package io.testabort.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A run past its deadline: the command and everything it started are gone by the time run returns. */
class DeadlineLauncherTest {
  @Test
  void aWrapperAndTheProcessesItStartedAreAllGoneWhenRunReturns() throws Exception {
    List<ProcessHandle> seen = new ArrayList<>();
    // a shell that starts a shell that starts a sleep: the sleep is a grandchild, as a test JVM under ./mvnw is
    DeadlineLauncher launcher = new DeadlineLauncher(1, root -> seen.addAll(root.descendants().collect(Collectors.toList())));

    int exit = launcher.run(List.of("sh", "-c", "sh -c 'sleep 600; echo never' & wait"), Map.of());

    assertThat(exit).isEqualTo(137); // SIGKILL
    assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
    assertThat(seen).noneMatch(ProcessHandle::isAlive);
    // every process killed is reported once, with why, for the collector's records
    Map<Long, String> kills = launcher.takeKills();
    assertThat(kills).containsKeys(seen.stream().map(ProcessHandle::pid).toArray(Long[]::new));
    assertThat(kills.values()).containsOnly("killed by run --run-timeout after 1 s (SIGKILL)");
    assertThat(launcher.takeKills()).isEmpty();
  }

  @Test
  void aRunWithinItsDeadlineIsLeftAlone() throws Exception {
    DeadlineLauncher launcher = new DeadlineLauncher(60, root -> {
      throw new AssertionError("named a run that ended in time");
    });

    assertThat(launcher.run(List.of("sh", "-c", "exit 3"), Map.of())).isEqualTo(3);
  }

  @Test
  void theRunnersShutdownHookKillsWhatItStartedAndWhatThoseStarted() throws Exception {
    Process shell = new ProcessBuilder("sh", "-c", "sh -c 'sleep 600' & wait").start();
    List<ProcessHandle> tree = new ArrayList<>();
    for (int i = 0; i < 100 && tree.size() < 2; i++) { // until the grandchild is there
      Thread.sleep(50);
      tree = shell.toHandle().descendants().collect(Collectors.toList());
    }
    tree.add(shell.toHandle());

    DeadlineLauncher.killDescendants();

    assertThat(tree).hasSizeGreaterThanOrEqualTo(2).noneMatch(ProcessHandle::isAlive);
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }
}
