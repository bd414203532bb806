/**
 * How the agent's hooks get into framework classes: one class-file transformer that rewrites only the
 * {@link io.testabort.agent.instrument.HookedClasses} in a single ASM visitor pass, the
 * {@link io.testabort.agent.instrument.Hooks} that framework packages register against, the dispatcher
 * the bridge calls, and the reflective reading of framework objects the hooks share. No rewritten class
 * is ever kept on disk.
 */
package io.testabort.agent.instrument;
