package io.testabort.agent.instrument;

/**
 * Agent-side code of one hook. It receives the hooked method's receiver and arguments as plain objects
 * (read reflectively with {@link Reflect}, since framework classes may live in a class loader the agent
 * cannot see) and hands back a result whose meaning depends on how it was registered in {@link Hooks}.
 * It may throw; the dispatcher logs that and the framework carries on.
 */
public interface Hook {

  Object run(Object[] args) throws Exception;
}
