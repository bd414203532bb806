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
 * The Platform hooks name every node of a real descriptor tree as the launcher starts it, and forget it
 * when it finishes: what the woven code hands them is {@code [adapter, descriptor]}.
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

  @Test
  void eachStartedNodeIsNamedByItsIdAndSource() throws Exception {
    List<TestDescriptor> nodes = tree();
    List<String> seen = new ArrayList<>();
    for (TestDescriptor d : nodes) {
      started.run(new Object[] {"adapter", d});
      RunningTest t = registry.get().latestOnThread();
      seen.add(t == null ? null : t.key() + " " + t.nodeid() + " " + t.testName() + " " + t.testClass());
    }
    assertThat(seen.get(0)).as("an engine root names nothing").isNull();
    assertThat(seen.subList(1, 5)).containsExactly(
        nodes.get(1).getUniqueId() + " acme.LedgerTest LedgerTest acme.LedgerTest",
        nodes.get(2).getUniqueId() + " acme.LedgerTest#posts posts acme.LedgerTest",
        nodes.get(3).getUniqueId() + " acme.LedgerTest#posts[3] posts acme.LedgerTest",
        nodes.get(4).getUniqueId() + " acme.LedgerTest#sums sums acme.LedgerTest");
  }

  @Test
  void aFinishedNodeIsForgotten() throws Exception {
    List<TestDescriptor> nodes = tree();
    for (TestDescriptor d : nodes.subList(0, 4)) {
      started.run(new Object[] {"adapter", d});
    }
    assertThat(registry.get().isRunning(nodes.get(3).getUniqueId().toString())).isTrue();

    finished.run(new Object[] {"adapter", nodes.get(3), null});

    assertThat(registry.get().isRunning(nodes.get(3).getUniqueId().toString())).isFalse();
    assertThat(Optional.ofNullable(registry.get().latestOnThread()).map(RunningTest::key))
        .contains(nodes.get(2).getUniqueId().toString());
    for (int i = 2; i >= 0; i--) {
      finished.run(new Object[] {"adapter", nodes.get(i), null});
    }
    assertThat(registry.get().anythingRunning()).isFalse();
  }
}
