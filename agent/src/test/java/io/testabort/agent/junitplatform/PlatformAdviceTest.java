package io.testabort.agent.junitplatform;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.InstalledRegistry;
import io.testabort.agent.core.RunningTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The Platform start hook names a node the same from the values the woven code reads as from reflection
 * alone (a hook woven without reads, or reads that threw), on real Platform descriptors.
 */
class PlatformAdviceTest {
  @RegisterExtension final InstalledRegistry registry = new InstalledRegistry();

  private final PlatformAdvice started = new PlatformAdvice(PlatformAdvice.STARTED);
  private final PlatformAdvice finished = new PlatformAdvice(PlatformAdvice.FINISHED);

  private static final class Node extends AbstractTestDescriptor {
    private final Type type;

    Node(UniqueId id, String displayName, TestSource source, Type type) {
      super(id, displayName, source);
      this.type = type;
    }

    @Override
    public Type getType() {
      return type;
    }
  }

  /** engine, class, parameterized template, invocation #3, and a method whose id the Platform encodes. */
  private static List<TestDescriptor> tree() {
    EngineDescriptor engine = new EngineDescriptor(UniqueId.forEngine("junit-jupiter"), "JUnit Jupiter");
    Node cls = new Node(engine.getUniqueId().append("class", "acme.LedgerTest"), "LedgerTest",
        ClassSource.from("acme.LedgerTest"), TestDescriptor.Type.CONTAINER);
    Node template = new Node(cls.getUniqueId().append("test-template", "posts(int)"), "posts(int)",
        MethodSource.from("acme.LedgerTest", "posts", "int"), TestDescriptor.Type.CONTAINER);
    Node invocation = new Node(template.getUniqueId().append("test-template-invocation", "#3"), "[3] 5",
        MethodSource.from("acme.LedgerTest", "posts", "int"), TestDescriptor.Type.TEST);
    Node encoded = new Node(cls.getUniqueId().append("method", "sums(int[])"), "sums <script>",
        MethodSource.from("acme.LedgerTest", "sums", "int[]"), TestDescriptor.Type.TEST);
    engine.addChild(cls);
    cls.addChild(template);
    template.addChild(invocation);
    cls.addChild(encoded);
    return List.of(engine, cls, template, invocation, encoded);
  }

  /** What the woven code passes: {@code [adapter, descriptor]} and the reads of STARTED_READS, in order. */
  private static Object[] woven(TestDescriptor d) {
    return new Object[] {
      "adapter", d, d.getUniqueId(), d.getUniqueId().getSegments(), d.getUniqueId().getLastSegment().getType(),
      d.getUniqueId().getLastSegment().getValue(), d.getParent(), d.getDisplayName(), d.isTest(), d.getSource(),
    };
  }

  /** Starts each node in turn, as the launcher does, and returns what the registry held after each. */
  private List<String> startAll(List<TestDescriptor> nodes, boolean withReads) throws Exception {
    List<String> seen = new ArrayList<>();
    for (TestDescriptor d : nodes) {
      started.run(withReads ? woven(d) : new Object[] {"adapter", d});
      RunningTest t = registry.get().latestOnThread();
      seen.add(t == null ? null : t.key() + " " + t.nodeid() + " " + t.testName() + " " + t.method() + " " + t.testClass());
    }
    return seen;
  }

  @Test
  void readsAndReflectionNameEveryNodeAlike() throws Exception {
    List<TestDescriptor> first = tree();
    List<String> fromReads = startAll(first, true);
    for (int i = first.size() - 1; i >= 0; i--) {
      finished.run(new Object[] {"adapter", first.get(i), null});
    }
    assertThat(registry.get().anythingRunning()).isFalse();

    List<String> fromReflection = startAll(tree(), false);

    assertThat(fromReads).isEqualTo(fromReflection);
    assertThat(fromReads.get(3)).isEqualTo(
        "[engine:junit-jupiter]/[class:acme.LedgerTest]/[test-template:posts(int)]/[test-template-invocation:#3]"
            + " acme.LedgerTest#posts[3] posts posts acme.LedgerTest");
    assertThat(fromReads.get(4)).startsWith(tree().get(4).getUniqueId().toString() + " acme.LedgerTest#sums ");
  }

  @Test
  void readsThatThrewAreReadByReflection() throws Exception {
    List<TestDescriptor> nodes = tree();
    List<String> seen = new ArrayList<>();
    for (TestDescriptor d : nodes) {
      Object[] args = woven(d);
      for (int i = 2; i < args.length; i += 2) {
        args[i] = null; // every other read failed
      }
      started.run(args);
      RunningTest t = registry.get().latestOnThread();
      seen.add(t == null ? null : t.key() + " " + t.nodeid());
    }
    assertThat(seen.get(0)).isNull(); // an engine root names nothing
    assertThat(seen.subList(1, 5)).containsExactly(
        nodes.get(1).getUniqueId() + " acme.LedgerTest",
        nodes.get(2).getUniqueId() + " acme.LedgerTest#posts",
        nodes.get(3).getUniqueId() + " acme.LedgerTest#posts[3]",
        nodes.get(4).getUniqueId() + " acme.LedgerTest#sums");
  }

  @Test
  void aFinishedNodeIsForgottenByItsDescriptor() throws Exception {
    List<TestDescriptor> nodes = tree();
    startAll(nodes.subList(0, 4), true);
    assertThat(registry.get().isRunning(nodes.get(3).getUniqueId().toString())).isTrue();

    finished.run(new Object[] {"adapter", nodes.get(3), null});

    assertThat(registry.get().isRunning(nodes.get(3).getUniqueId().toString())).isFalse();
    assertThat(registry.get().isRunning(nodes.get(2).getUniqueId().toString())).isTrue();
    assertThat(Optional.ofNullable(registry.get().latestOnThread()).map(RunningTest::key))
        .contains(nodes.get(2).getUniqueId().toString());
  }
}
