package io.testabort.agent.instrument;

/** Types for {@link HookWeaverReadsTest}: a node interface, an id class, and a listener method to weave. */
final class ReadsFixture {
  private ReadsFixture() {}

  public interface Node {
    Id id();

    String name();

    boolean isLeaf();

    long depth();

    String broken();

    Node parent();
  }

  public static class Id {
    private final String text;

    Id(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public static final class Leaf implements Node {
    private final Id id;
    private final String name;
    private final Node parent;

    Leaf(String id, String name, Node parent) {
      this.id = new Id(id);
      this.name = name;
      this.parent = parent;
    }

    @Override
    public Id id() {
      return id;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean isLeaf() {
      return true;
    }

    @Override
    public long depth() {
      return 7;
    }

    @Override
    public String broken() {
      throw new IllegalStateException("a getter that throws");
    }

    @Override
    public Node parent() {
      return parent;
    }
  }

  /** What the woven listener did: here, since the woven class is a copy with statics of its own. */
  public static final class Runs {
    public static volatile int runs;
    public static volatile int lastSum;

    private Runs() {}
  }

  /** The hooked method has a loop and a handler of its own: its frames must still hold after the reads. */
  public static final class Listener {
    public Listener() {}

    public void started(Node node, int n) {
      Runs.runs++;
      if (n < 0) {
        throw new IllegalArgumentException("negative");
      }
      int sum = 0;
      for (int i = 0; i < n; i++) {
        long wide = i;
        try {
          sum += (int) wide;
        } catch (RuntimeException e) {
          sum = -1;
        }
      }
      Runs.lastSum = sum;
    }
  }
}
