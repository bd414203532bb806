/**
 * The agent's own class files, read and renamed at the byte level: what the bridge and the weaver bound to
 * the JDK's ASM are made from, without loading an ASM of the agent's own (some thirty classes, read from
 * the agent jar and verified, in every test JVM).
 */
package io.testabort.agent.classfile;
