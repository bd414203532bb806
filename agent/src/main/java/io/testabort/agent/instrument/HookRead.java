package io.testabort.agent.instrument;

import java.util.Arrays;

/**
 * A value that the woven code reads for a hook with typed calls, in the hooked class itself: a chain of
 * no-argument methods called on one of the hooked method's arguments, such as
 * {@code descriptor.getUniqueId().getSegments()}. A hook that reads framework objects by reflection pays
 * a reflective call per value, which a short test JVM runs interpreted for most of its life; a typed call
 * in the framework's own method costs what the framework's code around it costs.
 *
 * <p>Each read is guarded on its own: if any call of the chain throws (a null, a method this version of
 * the framework lacks), the hook gets null for that value and the hooked method goes on unharmed. Public,
 * like {@link HookPoint}, for the weaver bound to the JDK's ASM.
 */
public final class HookRead {
  /** The hooked method's argument the chain starts from (0: its first argument). */
  public final int argument;
  /** Each call: the declaring type's internal name, the method's name and descriptor, whether it is an interface's. */
  public final String[] owners;
  public final String[] names;
  public final String[] descriptors;
  public final boolean[] interfaces;

  private HookRead(int argument, String[] owners, String[] names, String[] descriptors, boolean[] interfaces) {
    this.argument = argument;
    this.owners = owners;
    this.names = names;
    this.descriptors = descriptors;
    this.interfaces = interfaces;
  }

  /** A chain on the hooked method's argument {@code index}, with no call yet. */
  public static HookRead argument(int index) {
    return new HookRead(index, new String[0], new String[0], new String[0], new boolean[0]);
  }

  /**
   * This chain, then {@code owner.name()} on its value: {@code owner} a binary or internal class name,
   * {@code returns} the method's return type as a descriptor ({@code Z}, {@code Ljava/util/List;}).
   */
  public HookRead call(String owner, String name, String returns, boolean isInterface) {
    int n = names.length;
    String[] o = Arrays.copyOf(owners, n + 1);
    String[] m = Arrays.copyOf(names, n + 1);
    String[] d = Arrays.copyOf(descriptors, n + 1);
    boolean[] i = Arrays.copyOf(interfaces, n + 1);
    o[n] = owner.replace('.', '/');
    m[n] = name;
    d[n] = "()" + returns;
    i[n] = isInterface;
    return new HookRead(argument, o, m, d, i);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("argument ").append(argument);
    for (String name : names) {
      s.append('.').append(name).append("()");
    }
    return s.toString();
  }
}
