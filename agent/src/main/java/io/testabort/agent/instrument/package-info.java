/**
 * How the agent's hooks get into framework classes: one class-file transformer that rewrites only the
 * {@link io.testabort.agent.instrument.HookedClasses} in a single ASM visitor pass, the
 * {@link io.testabort.agent.instrument.Hooks} that framework packages register against, the dispatcher
 * the bridge calls, and how hooks read framework objects: typed calls the woven code makes for them
 * ({@link io.testabort.agent.instrument.HookRead}) where that happens at every test, reflection
 * ({@link io.testabort.agent.instrument.Reflect}) elsewhere. No rewritten class is ever kept on disk.
 */
package io.testabort.agent.instrument;
